/**
 * Every setting the build takes from its environment, read in one place. The
 * integrations read them once per build and hand them to the pages through the
 * build handoff (pipeline/build-handoff.ts); nothing else reads `process.env`
 * for these.
 */
import path from 'node:path';
import { isLanguageTag, suggestLanguageTag } from '../schemas/language.ts';

/** The publication as readers see it: header, titles, feeds and share cards. */
export interface PublicationSettings {
  name: string;
  tagline: string;
  /** BCP 47 tag of the site's own language (its interface and its prose), on `<html lang>`. */
  lang: string;
}

export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** `SITE_NAME`, `SITE_TAGLINE` and `SITE_LANG`, with the defaults a new desk starts from. */
export function publicationFromEnv(env: NodeJS.ProcessEnv = process.env): PublicationSettings {
  const lang = env.SITE_LANG || 'en';
  // A wrong tag would mislabel every page for screen readers and search engines: refuse it.
  if (!isLanguageTag(lang)) throw new Error(`SITE_LANG "${lang}" is not a BCP 47 language tag${suggestLanguageTag(lang)}`);
  return {
    name: env.SITE_NAME || 'Briefing Desk',
    tagline: env.SITE_TAGLINE || 'Who said what, sourced and linked.',
    lang,
  };
}

/** The content folder: an explicit choice, else `CONTENT_DIR`, else `<root>/content`. */
export function contentDirFor(root: string, override?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(root, override ?? env.CONTENT_DIR ?? 'content');
}

/**
 * `BRIEFINGS_ALLOW_MDX_CODE=1` (or `true`). Off by default: MDX compiles a body to
 * JavaScript that runs during `astro build` with the build's rights, so a briefing
 * could read files, environment variables or secrets on the build machine and
 * publish them. Briefings need none of it: Actor, Position and Cite are available
 * without an import. The check and the build read the same variable, so
 * `npm run check` and `npm run build` always agree.
 */
export function allowMdxCodeFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true'].includes((env.BRIEFINGS_ALLOW_MDX_CODE ?? '').trim().toLowerCase());
}

/** `REQUIRE_ARCHIVED_SOURCES=1`: the check warns about every source without an `archived` copy. */
export function requireArchivedFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true'].includes((env.REQUIRE_ARCHIVED_SOURCES ?? '').trim().toLowerCase());
}
