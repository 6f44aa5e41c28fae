import { z } from 'zod';
import { calendarDate, corrections, formerIds, slug, text, withdrawal } from './common.ts';
import { languageTag } from './language.ts';

/** How a position moves relative to the earlier one it `follows`. */
export const POSITION_CHANGES = ['reaffirms', 'hardens', 'softens', 'reverses', 'clarifies'] as const;

/** A moment in a recording: `12:31` or `1:02:03` (minutes and seconds below 60). */
export const sourceTime = z
  .string({ error: 'must be a time written 12:31 or 1:02:03' })
  .regex(/^(?:\d+:)?[0-5]?\d:[0-5]\d$/, { error: 'must be a time written 12:31 or 1:02:03, minutes and seconds below 60' });

/** A source of this briefing with where in it the statement is. */
export const sourcePinpoint = z.strictObject({
  /** Id of one of this briefing's sources. */
  id: slug,
  /** Where in a recording, `00:12:31`; an audio or video link then starts there. */
  at: sourceTime.optional(),
  /** The page of a document, from 1. */
  page: z.number({ error: 'must be a page number' }).int({ error: 'must be a whole page number' }).min(1, { error: 'must be 1 or more' }).optional(),
  /** A named part of the source, e.g. "Q&A". */
  section: text.optional(),
});

/** One entry of a briefing's `positions` list: a stance an actor took. */
export const positionSchema = z.strictObject({
  /** Id unique across the whole site: it is the position's permalink (`#<id>`). */
  id: slug,
  /** Id of the actor who took the position (a file in `content/actors/`). */
  actor: slug,
  /** One-sentence summary of the stance, in the briefing's words. */
  stance: text,
  /** The actor's own words, when there is a quote, in the language they were said in. */
  quote: text.optional(),
  /** BCP 47 tag of the quote's language (`ru`, `uk`, `zh-Hans`, `fa`); pages mark the quote with it, right to left where the script is. */
  lang: languageTag.optional(),
  /** The desk's translation of the quote, shown beside the original; needs `quote`. */
  translation: text.optional(),
  /** When the position was taken, YYYY-MM-DD; defaults to the briefing's date. */
  date: calendarDate.optional(),
  /** The actor's role at the time; overrides the actor's current role on this position. */
  role: text.optional(),
  /** The topic slug this position speaks to. */
  topic: slug.optional(),
  /** This briefing's sources that support the position, at least one: ids, or `{id, at | page | section}` to say where in the source. */
  sources: z.array(z.union([slug, sourcePinpoint])).min(1, { error: 'must list at least one source id of this briefing' }),
  /** Id of an earlier position of the same actor that this one continues (any briefing). */
  follows: slug.optional(),
  /** How this position changes the one it follows; needs `follows`. */
  change: z.enum(POSITION_CHANGES, { error: `must be one of ${POSITION_CHANGES.join(', ')}` }).optional(),
  /** Former ids of this position; their URLs and `#fragments` lead here. */
  formerly: formerIds,
  /** Corrections, clarifications and updates to this position, each dated. */
  corrections: corrections,
  /** Set when the position is withdrawn: it stays at its URL, marked, and leaves the grid, timelines, feeds and search. */
  withdrawn: withdrawal.optional(),
});

export type PositionInput = z.input<typeof positionSchema>;
export type PositionData = z.infer<typeof positionSchema>;
