import { z } from 'zod';
import { calendarDate, corrections, dateTimeWithOffset, displayText, formerIds, slug, text, withdrawal } from './common.ts';
import { positionSchema } from './position.ts';
import { sourceSchema } from './source.ts';

/** Frontmatter of `content/briefings/<slug>.mdx` (or `.md`). The slug is the file name. */
export const briefingSchema = z.strictObject({
  /** Headline of the briefing. */
  title: displayText,
  /** One or two sentences: the dek under the title and the text of previews. */
  summary: text,
  /** Publication date, YYYY-MM-DD. */
  date: calendarDate,
  /** Date of the last substantive update, YYYY-MM-DD; not before `date` or a correction. Defaults to the latest correction's date. */
  updated: calendarDate.optional(),
  /** Bylines. */
  authors: z.array(text).default([]),
  /** Topic slugs; each gets a page at `/topics/<topic>/`. */
  topics: z.array(slug).default([]),
  /** Drafts show in `astro dev` only and leave no trace in the built site. */
  draft: z.boolean({ error: 'must be true or false' }).default(false),
  /**
   * When to publish, a date-time with offset (`2022-01-14T09:00:00+03:00`). Until then the
   * briefing is held back like a draft; without it, a briefing dated in the future waits for its date.
   */
  publish: dateTimeWithOffset.optional(),
  /** Ids of actors mentioned without a recorded position. */
  actors: z.array(slug).default([]),
  /** The documents this briefing cites. */
  sources: z.array(sourceSchema).default([]),
  /** The stances actors took, each with its own permalink. */
  positions: z.array(positionSchema).default([]),
  /** Former slugs (file names) of this briefing; their URLs redirect here. */
  formerly: formerIds,
  /** Corrections, clarifications and updates, each dated; shown on the page and on `/corrections/`. */
  corrections: corrections,
  /** Set when the briefing is withdrawn: it stays at its URL, marked, and leaves feeds and search. */
  withdrawn: withdrawal.optional(),
});

export type BriefingInput = z.input<typeof briefingSchema>;
export type BriefingData = z.infer<typeof briefingSchema>;
