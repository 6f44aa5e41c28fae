/**
 * Every setting the build takes from its environment, read in one place. The
 * integrations read them once per build and hand them to the pages through the
 * build handoff (pipeline/build-handoff.ts); nothing else reads `process.env`
 * for these.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isLanguageTag, suggestLanguageTag } from '../schemas/language.ts';

/** A colour for each theme, `#rrggbb`. */
export interface ThemeColor {
  light: string;
  dark: string;
}

/**
 * The publication as readers see it: header, footer, titles, feeds, share cards,
 * structured data and favicons. From `content/site.yaml` (pipeline/load/site-settings.ts),
 * with `SITE_NAME` and `SITE_TAGLINE` overriding it for a deployment.
 */
export interface PublicationSettings {
  name: string;
  tagline: string;
  /** BCP 47 tag of the site's language. */
  language: string;
  /** The logo, copied to `sitePath`; `sha256` makes every cache key change with the file. */
  logo?: { file: string; sitePath: string; type: 'image/svg+xml' | 'image/png'; sha256: string; width: number; height: number };
  accent: ThemeColor;
  /** True when `accent` came from site.yaml (so the default stylesheet needs no override). */
  customAccent: boolean;
  social: { x?: string; bluesky?: string; mastodon?: string; linkedin?: string };
  /** `id` is the SPDX id when the licence was given as one. */
  license?: { id?: string; url: string };
  contact?: string;
  corrections?: string;
  footer: { label: string; url: string }[];
}

/** The light and dark backgrounds of src/styles/global.css (a test holds the two to each other). */
export const THEME = {
  light: { bg: '#fbfaf7', surface: '#ffffff' },
  dark: { bg: '#14171a', surface: '#1c2024' },
} as const;

export const DEFAULT_PUBLICATION: PublicationSettings = {
  name: 'Briefing Desk',
  tagline: 'Who said what, sourced and linked.',
  language: 'en',
  accent: { light: '#8a1c1c', dark: '#f08f80' },
  customAccent: false,
  social: {},
  footer: [],
};

export const DEFAULT_SITE_URL = 'http://localhost:4321';

/**
 * `SITE_NAME`, `SITE_TAGLINE` and `SITE_LANG` win over the file: one content folder can
 * serve several deployments (a staging copy, a mirror in another language).
 */
export function withEnvOverrides(publication: PublicationSettings, env: NodeJS.ProcessEnv = process.env): PublicationSettings {
  const language = env.SITE_LANG || publication.language;
  // A wrong tag would mislabel every page for screen readers and search engines: refuse it.
  if (!isLanguageTag(language)) throw new Error(`SITE_LANG "${language}" is not a BCP 47 language tag${suggestLanguageTag(language)}`);
  return {
    ...publication,
    name: env.SITE_NAME || publication.name,
    tagline: env.SITE_TAGLINE || publication.tagline,
    language,
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

/**
 * "Now", for the publishing schedule and the checks of dates in the future:
 * `BRIEFINGS_NOW` (a date-time with offset, `2022-01-14T09:00:00+03:00`), else the
 * start of `BRIEFINGS_TODAY` (YYYY-MM-DD, UTC), else the clock. Fixing it lets a
 * test or a preview build the site as it will be at a given moment.
 */
export function nowFromEnv(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env.BRIEFINGS_NOW?.trim() || (env.BRIEFINGS_TODAY?.trim() ? `${env.BRIEFINGS_TODAY.trim()}T00:00:00Z` : '');
  if (!fixed) return new Date();
  const now = new Date(fixed);
  if (!DATE_TIME_WITH_OFFSET.test(fixed) || Number.isNaN(now.getTime())) {
    throw new Error(`BRIEFINGS_NOW must be a date-time with offset such as "2022-01-14T09:00:00+03:00" (got "${fixed}")`);
  }
  return now;
}

/** `YYYY-MM-DDTHH:MM[:SS]` with `Z` or `±HH:MM`: an instant, the same in every time zone. */
export const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * How many pages Astro builds at a time. A rebuild mostly reuses the last build's pages
 * from Astro's incremental cache (`incremental-build.json` is its record of them); when
 * Astro still copied them itself, one at a time the thread waited on each copy, and 8 at a
 * time took the page phase from 72 s to 41 s at 67,000 pages (they are linked in before
 * the pages now: pipeline/emit/page-cache.ts). A first build renders every page while the share cards keep both
 * cores busy, and there concurrency only adds work (133 s against 145 s, N=1000). Not part
 * of Astro's config hash, so it does not cost the page copies.
 */
export function pageConcurrency(cacheDir: string): number {
  return existsSync(path.join(cacheDir, 'incremental-build.json')) ? 8 : 1;
}
