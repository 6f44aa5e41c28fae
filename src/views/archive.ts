/**
 * Lists that would grow with the corpus are cut into months. An index shows the
 * latest items and links every month; a month's page (`/briefings/2022/01/`)
 * lists what is dated in it, so its URL shows the same items for as long as the
 * site exists, and no page's size depends on how large the archive has grown.
 */

/** How many briefings `/briefings/` lists before its archive of months. */
export const BRIEFINGS_LATEST = 30;
/** How many briefings and positions a topic's page shows before its months. */
export const TOPIC_BRIEFINGS_LATEST = 10;
export const TOPIC_POSITIONS_LATEST = 30;

export { archiveMonths, monthOf, type ArchiveMonth } from '../util/months.ts';
import type { ArchiveMonth } from '../util/months.ts';

/** `{ year: "2022", month: "01" }`, the route parameters of a month page. */
export const monthParams = (month: string) => ({ year: month.slice(0, 4), month: month.slice(5, 7) });
export const monthFromParams = (params: Record<string, string | undefined>) => `${params.year}-${params.month}`;

/** The neighbours of a month in a newest-first list, for "newer" and "older" links. */
export function monthNeighbours(months: readonly ArchiveMonth[], month: string): { newer?: string; older?: string } {
  const i = months.findIndex((m) => m.month === month);
  return { ...(i > 0 ? { newer: months[i - 1]!.month } : {}), ...(i >= 0 && i < months.length - 1 ? { older: months[i + 1]!.month } : {}) };
}
