/**
 * Briefings whose bodies have MDX code, compiled by Astro's MDX integration.
 * Pages reach it only as `virtual:briefing-desk/mdx-runtime-bodies`, and only
 * when BRIEFINGS_ALLOW_MDX_CODE=1 (integrations/mdx-runtime-bodies-module.ts),
 * so without it the bundler never compiles a briefing.
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

type Loader = () => Promise<{ Content: AstroComponentFactory }>;
const modules = import.meta.glob<{ Content: AstroComponentFactory }>('@content/briefings/*.mdx');
const byFileName = new Map<string, Loader>(Object.entries(modules).map(([key, load]) => [key.slice(key.lastIndexOf('/') + 1), load]));

export async function loadMdxRuntimeBody(fileName: string): Promise<AstroComponentFactory> {
  const load = byFileName.get(fileName);
  if (!load) throw new Error(`No compiled MDX for "${fileName}"`);
  return (await load()).Content;
}
