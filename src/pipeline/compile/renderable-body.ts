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

const briefingFileName = (briefing: Pick<Briefing, 'slug' | 'format'>) => `${briefing.slug}.${briefing.format}`;

/** What the compiler gets for a briefing's body; the precompile step and the page views both take it from here. */
export const briefingBodySource = (briefing: Pick<Briefing, 'slug' | 'format' | 'body'>): BodySource =>
  ({ source: briefing.body, format: briefing.format, fileName: briefingFileName(briefing) });

/** What the compiler gets for an actor's bio: Markdown without components. */
export const bioBodySource = (actor: Pick<Actor, 'id' | 'bio'>): BodySource => ({ source: actor.bio, format: 'md', fileName: `${actor.id}.md` });

export async function loadBody(body: BodySource & { usesCode: boolean }): Promise<RenderableBody> {
  if (body.usesCode) {
    const { loadMdxRuntimeBody } = await import('virtual:briefing-desk/mdx-runtime-bodies');
    return { Content: await loadMdxRuntimeBody(body.fileName) };
  }
  return { nodes: await compiledBody(body) };
}
