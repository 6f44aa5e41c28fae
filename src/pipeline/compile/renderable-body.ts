/**
 * Briefing bodies and actor bios as the pages render them. A body is compiled
 * outside Astro's bundler (compile-body.ts), once per source text
 * (compiled-bodies.ts): the build precompiles every body before the pages
 * render, the dev server compiles each on request. The source comes from the
 * page's view, so a rename or deletion can never leave a stale body behind.
 *
 * A body with MDX code (only with BRIEFINGS_ALLOW_MDX_CODE=1) needs Astro's MDX
 * runtime; those come from a virtual module that is a refusing stub unless code
 * is allowed (integrations/mdx-runtime-bodies-module.ts).
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { compiledBody, type BodySource } from './compiled-bodies.ts';
import type { BodyNode } from './compile-body.ts';
import type { Actor, Briefing } from '../model.ts';

export type RenderableBody = { nodes: BodyNode[]; Content?: undefined } | { Content: AstroComponentFactory; nodes?: undefined };

export const briefingFileName = (briefing: Pick<Briefing, 'slug' | 'format'>) => `${briefing.slug}.${briefing.format}`;
export const bioFileName = (actor: Pick<Actor, 'id'>) => `${actor.id}.md`;

export async function loadBody(body: BodySource & { usesCode: boolean }): Promise<RenderableBody> {
  if (body.usesCode) {
    const { loadMdxRuntimeBody } = await import('virtual:briefing-desk/mdx-runtime-bodies');
    return { Content: await loadMdxRuntimeBody(body.fileName) };
  }
  return { nodes: await compiledBody(body) };
}
