/**
 * Dates are stored as YYYY-MM-DD strings and formatted as UTC midnight, so a
 * briefing dated the 14th reads "14 January 2022" wherever it is built or read.
 */
import type { Correction, PositionChange } from '../pipeline/model.ts';

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDate(isoDate: string, style: 'long' | 'short' = 'long'): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return (style === 'long' ? longDate : shortDate).format(date);
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
