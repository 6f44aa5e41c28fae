/**
 * Dates are stored as YYYY-MM-DD strings and formatted as UTC midnight, so a
 * briefing dated the 14th reads "14 January 2022" wherever it is built or read.
 */
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDate(isoDate: string, style: 'long' | 'short' = 'long'): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return (style === 'long' ? longDate : shortDate).format(date);
}

/** "Security guarantees" from "security-guarantees". */
export function topicLabel(slug: string): string {
  const words = slug.split('-');
  const first = words[0] ?? '';
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(' ');
}

export const ACTOR_KIND_LABELS = { person: 'People', organization: 'Organizations', country: 'Countries' } as const;
