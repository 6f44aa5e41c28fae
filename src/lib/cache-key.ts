/**
 * Astro's incremental build (experimental.incrementalBuild) skips a page whose
 * `cacheKey` and code are unchanged since the last build, and copies its earlier
 * output. A page is only safe to skip if its key covers everything it renders,
 * so pages that use keys render from their props alone (see lib/pages/), and
 * the key is a digest of those props.
 */
import { createHash } from 'node:crypto';

export function cacheKeyOf(props: unknown): string {
  return createHash('sha256').update(JSON.stringify(props)).digest('base64url');
}
