/**
 * Build facts the pages need, injected by the briefing-content integration as
 * compile-time constants. Not `import.meta.env.DEV`/`BASE_URL`: Astro copies
 * every environment variable into import.meta.env, so a stray `DEV=1` or
 * `BASE_URL` in the shell (test runners set both) would publish drafts or drop
 * the base path.
 */
declare const __BRIEFINGS_COMMAND__: string | undefined;
declare const __BRIEFINGS_BASE__: string | undefined;

/** True in `astro dev`; false in `astro build` (and outside Astro, e.g. unit tests). */
export const IS_DEV: boolean = typeof __BRIEFINGS_COMMAND__ !== 'undefined' && __BRIEFINGS_COMMAND__ === 'dev';

/** The deployment's base path, always ending in "/". */
export const BASE_PATH: string = typeof __BRIEFINGS_BASE__ !== 'undefined' ? __BRIEFINGS_BASE__ : '/';
