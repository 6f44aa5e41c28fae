/**
 * The one way build-time values reach the pages: the build context (mode, base
 * path, public URL, publication settings) and the checked site model.
 *
 * Why a process-wide slot and not a module variable: Astro renders pages from a
 * bundled copy of every module they import, in the same process as the
 * integrations. A variable set by the integration's copy of a module is not seen
 * by the pages' copy; a slot on `globalThis` is. The briefing-content
 * integration fills it once, before any page renders (build) or any request is
 * served (dev). Pages and components never read it: `src/views/` does, and the
 * share-cards integration, which runs in the integration's own copy anyway.
 */
import type { PublicationSettings } from '../config/settings.ts';
import type { SiteModel } from './model.ts';

export interface BuildContext {
  mode: 'build' | 'dev';
  /** The deployment's base path, always ending in "/". */
  base: string;
  /** Public origin of the site (`SITE_URL`). */
  siteUrl: string;
  publication: PublicationSettings;
  /**
   * Versions of the body compiler and its plugins. Bodies are compiled outside the
   * page bundle, where Astro's check of the page code cannot see them, so every
   * incremental-build key includes this.
   */
  bodyCompiler: string;
}

export interface BuildHandoff {
  context: BuildContext;
  /** The checked model: computed once in a build, reloaded after content edits in dev. */
  model: () => SiteModel;
}

const SLOT = Symbol.for('briefing-desk.build-handoff');
type WithHandoff = typeof globalThis & { [SLOT]?: BuildHandoff };

export function provideHandoff(handoff: BuildHandoff): void {
  (globalThis as WithHandoff)[SLOT] = handoff;
}

export function receiveHandoff(): BuildHandoff {
  const handoff = (globalThis as WithHandoff)[SLOT];
  if (!handoff) throw new Error('No build handoff: pages render only in `astro build` or `astro dev`, with the briefing-content integration');
  return handoff;
}
