/**
 * The search index is written as two Pagefind bundles, which the search page
 * merges into one result list: position pages in one, every other page in the
 * other. Pagefind keeps a whole index in memory until it writes it, so two
 * smaller runs, one after the other, keep the build's peak memory down.
 */
export const SEARCH_BUNDLES = [
  /** Briefings and actors (and any other page marked data-pagefind-body), except position pages. */
  { dir: 'pagefind', pages: 'other' },
  /** `/positions/<id>/`. */
  { dir: 'pagefind-positions', pages: 'positions' },
] as const;

export type SearchBundle = (typeof SEARCH_BUNDLES)[number];
