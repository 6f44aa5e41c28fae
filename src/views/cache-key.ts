/**
 * Astro's incremental build (experimental.incrementalBuild) skips a page whose
 * `cacheKey` and code are unchanged since the last build, and copies its earlier
 * output. That is only safe if the key covers everything the page renders. Pages
 * and components render their view and nothing else (tests/unit/view-boundary),
 * so the key is computed here, and only here, from the view itself: a field
 * added to a view is covered the moment it exists.
 */
import { createHash } from 'node:crypto';
import type { BuildContext } from '../pipeline/build-handoff.ts';

/** Raise when the markup of keyed pages changes in a way Astro's check of the page code cannot see. */
export const PAGE_TEMPLATE_VERSION = 2;

/**
 * A stable digest of a route's view, with the build context every page also reads
 * (base path, site URL, publication) and the versions of the body compiler.
 */
export function viewKey(route: string, view: unknown, context: BuildContext): string {
  return createHash('sha256').update(JSON.stringify([PAGE_TEMPLATE_VERSION, route, context, view])).digest('base64url');
}
