import { z } from 'zod';

/**
 * Shared field types for every content schema. Each one is strict about what it
 * accepts, because a silently coerced value (a rolled-over date, a `javascript:`
 * link) would be published under a permanent URL.
 */

/** `YYYY-MM-DD`, digits only; whether the day exists is checked by `isCalendarDate`. */
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is `YYYY-MM-DD` and names a day that exists in the calendar. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC so no zone can shift it.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * A calendar date written `YYYY-MM-DD`, kept as that string. Dates stay strings
 * from file to page so they display as the same day in every time zone.
 */
export const calendarDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  // abort: a value not written YYYY-MM-DD gets that one message, not a second about the calendar.
  .refine((value) => DATE_PATTERN.test(value), { error: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, { error: 'is not a real calendar date' });

/** `YYYY-MM-DDTHH:MM[:SS]` with `Z` or `±HH:MM`: one instant, wherever the build runs. */
export const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** A moment with its offset, kept as written; `2022-01-14T09:00:00+03:00`. */
export const dateTimeWithOffset = z
  .string({ error: 'must be a date-time with offset such as "2022-01-14T09:00:00+03:00"' })
  .refine((value) => DATE_TIME_PATTERN.test(value), { error: 'must be a date-time with offset such as "2022-01-14T09:00:00+03:00" (the offset, or Z for UTC, is required)', abort: true })
  .refine((value) => isCalendarDate(value.slice(0, 10)), { error: 'is not a real calendar date' });

/** A lower-case, dash-separated identifier: `sergey-lavrov`, `security-guarantees`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z
  .string({ error: 'must be a text id' })
  .regex(SLUG_PATTERN, { error: 'must be lower-case letters, digits and single dashes (e.g. "sergey-lavrov")' });

/** Only http and https links are published: `javascript:`, `data:` and friends are refused. */
export const webUrl = z.string({ error: 'must be a URL' }).refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: 'must be an http:// or https:// URL' },
);

/** Non-empty text with surrounding whitespace trimmed. */
export const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });

/**
 * Unicode bidirectional control characters can make a name display as something
 * other than what it is (the "Trojan Source" trick), so names and titles refuse them.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export const displayText = text.refine((value) => !BIDI_CONTROLS.test(value), {
  error: 'contains an invisible bidirectional control character (U+202A–U+202E or U+2066–U+2069)',
});

/** A link shown on an actor page. */
export const link = z.strictObject({
  /** What the link is, e.g. "Official site". */
  label: text,
  /** Where it goes; http or https only. */
  url: webUrl,
});

/**
 * Ids an item was published under before: its slug or id before a rename, or an
 * actor merged into this one. Each former URL keeps answering, as a permanent
 * redirect to the current one.
 */
export const formerIds = z.array(slug).default([]);

/** An item taken back from the record. Its URL keeps answering, with this note. */
export const withdrawal = z.strictObject({
  /** When it was withdrawn, YYYY-MM-DD; not before the item's date, not in the future. */
  date: calendarDate,
  /** Why, in a sentence readers will see. */
  reason: text,
});

/** What a note on the record does: fix an error, make something clearer, or add what happened since. */
export const CORRECTION_KINDS = ['correction', 'clarification', 'update'] as const;

/** A note on the record, shown on the page and listed on `/corrections/`. */
export const correction = z.strictObject({
  /** When the note was made, YYYY-MM-DD; not before the item's date, not in the future. */
  date: calendarDate,
  /** What was wrong and what is right now, in a sentence or two readers will see. */
  text: text,
  /** `correction` (an error fixed, the default), `clarification` or `update`. */
  kind: z.enum(CORRECTION_KINDS, { error: `must be one of ${CORRECTION_KINDS.join(', ')}` }).default('correction'),
});

/** Notes on the record of a briefing or a position. */
export const corrections = z.array(correction).default([]);
