/**
 * The search index is written as several Pagefind bundles, which the search page
 * merges into one result list (src/client/search.ts reads their list from
 * BUNDLE_LIST). Position pages and briefing pages go into one bundle per year of
 * their date, every other page into the main bundle.
 *
 * Why by year: a bundle is rebuilt only when one of its pages changed
 * (search-cache.ts), and an edit touches one briefing and its positions, which
 * share a year, so a rebuild re-indexes one year, not the archive. Why bundles at
 * all: Pagefind keeps a whole index in memory until it writes it, so smaller runs,
 * one after the other, keep the build's peak memory down.
 */
import type { SiteModel } from '../model.ts';

/** The bundle that also serves `pagefind.js`: its folder has been `/pagefind/` from the start. */
export const MAIN_BUNDLE = 'pagefind';
/** Written into the main bundle's folder once every bundle is there: `{ "bundles": ["pagefind", …] }`, main first. */
export const BUNDLE_LIST = `${MAIN_BUNDLE}/bundles.json`;

export interface PlannedBundle {
  /** Folder in the output, and the bundle's name. */
  dir: string;
  /** HTML files (relative to the output, `/`-separated) the bundle indexes. */
  files: string[];
}

const POSITION_PAGE = /^positions\/([^/]+)\/index\.html$/;
const BRIEFING_PAGE = /^briefings\/([^/]+)\/index\.html$/;

/** The year bundle of a page, or the main bundle; withdrawn pages are not indexed and stay in the main one. */
function bundleOf(file: string, model: SiteModel): string {
  const position = POSITION_PAGE.exec(file)?.[1];
  if (position !== undefined) {
    const found = model.positionById.get(position as never);
    if (found && !found.withdrawn) return `pagefind-positions-${found.date.slice(0, 4)}`;
  }
  const briefing = BRIEFING_PAGE.exec(file)?.[1];
  if (briefing !== undefined) {
    const found = model.briefingBySlug.get(briefing as never);
    if (found && !found.withdrawn) return `pagefind-briefings-${found.date.slice(0, 4)}`;
  }
  return MAIN_BUNDLE;
}

/** Every HTML file of the output in exactly one bundle: the main one first, the year bundles in name order. */
export function planSearchBundles(model: SiteModel, htmlFiles: readonly string[]): PlannedBundle[] {
  const bundles = new Map<string, string[]>([[MAIN_BUNDLE, []]]);
  for (const file of htmlFiles) {
    const dir = bundleOf(file, model);
    let files = bundles.get(dir);
    if (!files) bundles.set(dir, (files = []));
    files.push(file);
  }
  const [main, ...years] = [...bundles].map(([dir, files]) => ({ dir, files: files.sort() }));
  return [main!, ...years.sort((a, b) => (a.dir < b.dir ? -1 : 1))];
}
