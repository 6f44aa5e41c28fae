/**
 * Briefing bodies and actor bios as the pages render them. A body is compiled
 * outside Astro's bundler (markdown/compile-body.ts), once per source text
 * (markdown/body-cache.ts): the build precompiles every body before the pages
 * render, the dev server compiles each on request. The source comes from the
 * resolved site, so a rename or deletion can never leave a stale body behind.
 *
 * A body with MDX code (only with BRIEFINGS_ALLOW_MDX_CODE=1) needs Astro's MDX
 * runtime; those are imported from mdx-runtime-bodies.ts, which the bundler
 * leaves out entirely when code is not allowed.
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { compiledBody } from './markdown/body-cache.ts';
import type { BodyNode } from './markdown/compile-body.ts';
import type { Actor, Briefing } from './model.ts';

/** BRIEFINGS_ALLOW_MDX_CODE=1, injected by integrations/briefing-content: a literal the bundler can fold. */
declare const __BRIEFINGS_ALLOW_MDX_CODE__: boolean | undefined;

export type RenderableBody = { nodes: BodyNode[]; Content?: undefined } | { Content: AstroComponentFactory; nodes?: undefined };

export const briefingFileName = (briefing: Pick<Briefing, 'slug' | 'format'>) => `${briefing.slug}.${briefing.format}`;
export const bioFileName = (actor: Pick<Actor, 'id'>) => `${actor.id}.md`;

export async function loadBody(briefing: Pick<Briefing, 'slug' | 'format' | 'body' | 'usesCode'>): Promise<RenderableBody> {
  const fileName = briefingFileName(briefing);
  if (briefing.usesCode) {
    // Written out here rather than imported, so that the bundler sees `if (false)` and drops the import.
    if (typeof __BRIEFINGS_ALLOW_MDX_CODE__ !== 'undefined' && __BRIEFINGS_ALLOW_MDX_CODE__) {
      const { loadMdxRuntimeBody } = await import('./mdx-runtime-bodies.ts');
      return { Content: await loadMdxRuntimeBody(fileName) };
    }
    throw new Error(`${fileName} has MDX code, which only BRIEFINGS_ALLOW_MDX_CODE=1 allows`);
  }
  return { nodes: await compiledBody({ source: briefing.body, format: briefing.format, fileName }) };
}

export const loadBio = (actor: Pick<Actor, 'id' | 'bio'>): Promise<BodyNode[]> =>
  compiledBody({ source: actor.bio, format: 'md', fileName: bioFileName(actor) });
