/**
 * Dates are stored as YYYY-MM-DD strings and formatted as UTC midnight, so a
 * briefing dated the 14th reads "14 January 2022" wherever it is built or read.
 */
import type { Correction, PositionChange } from '../pipeline/model.ts';

const formats = new Map<string, Intl.DateTimeFormat>();
const formatFor = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return format;
};

/** The site's language as a date locale: plain "en" reads the day first ("14 January 2022"), as the desk always has. */
export const dateLocale = (language: string): string => (language.toLowerCase() === 'en' ? 'en-GB' : language);

// A site shows the same few thousand dates on tens of thousands of pages: each is formatted once.
const formattedDates = new Map<string, string>();

/** "14 January 2022" (long) or "14 Jan 2022" (short), in the site's language. */
export function formatDate(isoDate: string, style: 'long' | 'short' = 'long', language = 'en'): string {
  const key = `${isoDate} ${style} ${language}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    formatted = formatFor(dateLocale(language), { day: 'numeric', month: style, year: 'numeric' }).format(new Date(`${isoDate}T00:00:00Z`));
    formattedDates.set(key, formatted);
  }
  return formatted;
}

/** "January 2022" for `2022-01`, in the site's language. */
export function formatMonth(month: string, language = 'en'): string {
  return formatFor(dateLocale(language), { month: 'long', year: 'numeric' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** A moment (ISO 8601) with its time, in UTC so every reader sees the same words: "14 January 2022, 06:00 UTC". */
export function formatMoment(iso: string, language = 'en'): string {
  return `${formatFor(dateLocale(language), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))} UTC`;
}

/** Abbreviations written in capitals when a topic slug is shown as a label. */
const ACRONYMS = new Set(['nato', 'osce', 'eu', 'un', 'us', 'uk', 'usa', 'g7', 'g20', 'opec', 'iaea', 'who', 'wto', 'imf', 'brics', 'asean', 'au', 'icc', 'ai']);

/** "Security guarantees" from "security-guarantees"; "NATO enlargement" from "nato-enlargement". */
export function topicLabel(slug: string): string {
  return slug
    .split('-')
    .map((word, i) => (ACRONYMS.has(word) ? word.toUpperCase() : i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}


/** How a position's change to the one it follows is labelled ("follows" when the author gave none). */
export const CHANGE_LABELS: Record<PositionChange | 'follows', { label: string; symbol: string }> = {
  reaffirms: { label: 'Reaffirms', symbol: '=' },
  hardens: { label: 'Hardens', symbol: '↑' },
  softens: { label: 'Softens', symbol: '↓' },
  reverses: { label: 'Reverses', symbol: '⇄' },
  clarifies: { label: 'Clarifies', symbol: '≈' },
  follows: { label: 'Follows', symbol: '→' },
};

export const ACTOR_KIND_LABELS = { person: 'People', organization: 'Organizations', country: 'Countries' } as const;

/** "1 briefing", "3 briefings"; `grouped` writes large counts as "1,000" (the CLI does; share cards keep "1000"). */
export function plural(count: number, word: string, { grouped = false } = {}): string {
  return `${grouped ? count.toLocaleString('en') : count} ${word}${count === 1 ? '' : 's'}`;
}

/** What a note on the record is called: on the page, and as the verb on a position's card. */
const CORRECTION_LABELS = {
  correction: { label: 'Correction', verb: 'Corrected' },
  clarification: { label: 'Clarification', verb: 'Clarified' },
  update: { label: 'Update', verb: 'Updated' },
} as const;
export const correctionLabel = (kind: Correction['kind']) => CORRECTION_LABELS[kind].label;
export const correctionVerb = (kind: Correction['kind']) => CORRECTION_LABELS[kind].verb;
