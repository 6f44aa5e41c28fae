/** Dated items by month: the unit the archive pages (views/archive.ts) and the ledger of URLs share. */

/** `YYYY-MM` of a `YYYY-MM-DD` date. */
export const monthOf = (date: string): string => date.slice(0, 7);

export interface ArchiveMonth {
  /** `YYYY-MM` */
  month: string;
  count: number;
}

/** The months the items are dated in, newest first, with how many each holds. */
export function archiveMonths(items: readonly { date: string }[]): ArchiveMonth[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(monthOf(item.date), (counts.get(monthOf(item.date)) ?? 0) + 1);
  return [...counts].map(([month, count]) => ({ month, count })).sort((a, b) => (a.month < b.month ? 1 : -1));
}

/** Every month any of the lists has an item in, newest first. */
export const monthsOf = (...lists: readonly (readonly { date: string }[])[]): string[] =>
  [...new Set(lists.flatMap((list) => list.map((item) => monthOf(item.date))))].sort((a, b) => (a < b ? 1 : -1));
