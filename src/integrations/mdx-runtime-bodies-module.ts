import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Where renderable-body.ts imports bodies with MDX code from. */
export const MDX_RUNTIME_BODIES = 'virtual:briefing-desk/mdx-runtime-bodies';

/**
 * Not a value but a choice of code: with BRIEFINGS_ALLOW_MDX_CODE=1 the module
 * is pipeline/compile/mdx-runtime-bodies.ts, which has Astro's MDX integration
 * compile every `.mdx` briefing; without it, a stub that refuses, so the bundle
 * never compiles (and so never runs) a briefing's code at all.
 */
export function mdxRuntimeBodiesModule(allowed: boolean): Plugin {
  const resolved = `\0${MDX_RUNTIME_BODIES}`;
  const real = fileURLToPath(new URL('../pipeline/compile/mdx-runtime-bodies.ts', import.meta.url));
  return {
    name: 'briefing-desk:mdx-runtime-bodies',
    resolveId: (id) => (id === MDX_RUNTIME_BODIES ? (allowed ? real : resolved) : undefined),
    load: (id) =>
      id === resolved
        ? 'export async function loadMdxRuntimeBody(fileName) { throw new Error(`${fileName} has MDX code, which only BRIEFINGS_ALLOW_MDX_CODE=1 allows`); }'
        : undefined,
  };
}
