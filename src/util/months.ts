/** Dated items by month: the unit the archive pages (views/archive.ts) and the ledger of URLs share. */

/** `YYYY-MM` of a `YYYY-MM-DD` date. */
export const monthOf = (date: string): string => date.slice(0, 7);

export interface ArchiveMonth {
  /** `YYYY-MM` */
  month: string;
  count: number;
}

/** The items by the month they are dated in, each month's in their own order. */
export function byMonth<T extends { date: string }>(items: readonly T[]): Map<string, T[]> {
  const months = new Map<string, T[]>();
  for (const item of items) {
    const month = monthOf(item.date);
    const list = months.get(month);
    if (list) list.push(item);
    else months.set(month, [item]);
  }
  return months;
}

/** The months the items are dated in, newest first, with how many each holds. */
export function archiveMonths(items: readonly { date: string }[]): ArchiveMonth[] {
  return [...byMonth(items)].map(([month, list]) => ({ month, count: list.length })).sort((a, b) => (a.month < b.month ? 1 : -1));
}

/** Every month any of the lists has an item in, newest first. */
export const monthsOf = (...lists: readonly (readonly { date: string }[])[]): string[] =>
  [...new Set(lists.flatMap((list) => list.map((item) => monthOf(item.date))))].sort((a, b) => (a < b ? 1 : -1));
