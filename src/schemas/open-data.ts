import { z } from 'zod';
import { ACTOR_KINDS } from './actor.ts';
import { CORRECTION_KINDS } from './common.ts';
import { POSITION_CHANGES } from './position.ts';

/**
 * The open-data files (`/data/*.json`): every field of the content contract
 * with references resolved to URLs. Published with a JSON Schema generated from
 * these definitions, so the schema and the files cannot disagree.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD');
const absoluteUrl = z.url().describe('Absolute URL');
const formerly = z.array(z.string()).optional().describe('Ids this item was published under before; their URLs redirect to it');
const corrections = z.array(z.strictObject({ date: isoDate, text: z.string(), kind: z.enum(CORRECTION_KINDS) })).optional().describe('Dated notes on the record, newest first');
const withdrawn = z.strictObject({ date: isoDate, reason: z.string() }).optional().describe('Set when the item was withdrawn; it stays at its URL');

export const openSourceSchema = z.strictObject({
  id: z.string(),
  number: z.number().int().positive().describe('Number in the briefing’s reference list'),
  title: z.string(),
  publisher: z.string(),
  url: absoluteUrl,
  date: isoDate.optional(),
  archived: absoluteUrl.optional().describe('A saved copy of the source'),
  accessed: isoDate.optional().describe('When the desk read the source'),
  lang: z.string().optional().describe('BCP 47 tag of the source’s language'),
  at: z.string().optional().describe('Where in a recording the statement is (positions only)'),
  page: z.number().int().positive().optional().describe('The page the statement is on (positions only)'),
  section: z.string().optional().describe('The part of the source the statement is in (positions only)'),
});

export const openPositionSchema = z.strictObject({
  id: z.string().describe('Site-wide unique id'),
  url: absoluteUrl.describe('The position’s own page'),
  permalink: absoluteUrl.describe('The position on its actor’s page: /actors/<id>/#<position-id>'),
  image: absoluteUrl.describe('1200x630 share card'),
  actor: z.string().describe('Actor id'),
  actorName: z.string(),
  briefing: z.string().describe('Briefing slug'),
  briefingUrl: absoluteUrl.describe('The position in its briefing: /briefings/<slug>/#<position-id>'),
  stance: z.string(),
  quote: z.string().optional().describe('The actor’s own words, in the language they were said in'),
  lang: z.string().optional().describe('BCP 47 tag of the quote’s language'),
  translation: z.string().optional().describe('The desk’s translation of the quote'),
  date: isoDate,
  role: z.string().optional().describe('The actor’s role at the time'),
  topic: z.string().optional(),
  sources: z.array(openSourceSchema),
  follows: z.string().optional().describe('Id of the earlier position this one continues'),
  change: z.enum(POSITION_CHANGES).optional(),
  followedBy: z.array(z.string()),
  formerly,
  withdrawn,
  corrections,
});

export const openBriefingSchema = z.strictObject({
  slug: z.string(),
  url: absoluteUrl,
  image: absoluteUrl,
  title: z.string(),
  summary: z.string(),
  date: isoDate,
  updated: isoDate.optional(),
  authors: z.array(z.string()),
  topics: z.array(z.string()),
  actors: z.array(z.string()).describe('Ids of every actor involved'),
  positions: z.array(z.string()).describe('Ids of the positions recorded in this briefing'),
  sources: z.array(openSourceSchema),
  wordCount: z.number().int().nonnegative(),
  formerly,
  withdrawn,
  corrections,
});

export const openActorSchema = z.strictObject({
  id: z.string(),
  url: absoluteUrl,
  image: absoluteUrl,
  feeds: z.strictObject({ rss: absoluteUrl, json: absoluteUrl }),
  name: z.string(),
  kind: z.enum(ACTOR_KINDS),
  role: z.string().optional(),
  affiliations: z.array(z.string()),
  country: z.string().optional(),
  aliases: z.array(z.string()),
  links: z.array(z.strictObject({ label: z.string(), url: absoluteUrl })),
  bio: z.string().describe('Markdown'),
  positions: z.array(z.string()).describe('Position ids, newest first'),
  briefings: z.array(z.string()).describe('Slugs of briefings involving the actor, newest first'),
  formerly,
});

const file = <T extends z.ZodType>(key: string, item: T) =>
  z.strictObject({
    $schema: absoluteUrl,
    license: z.strictObject({ id: z.string().optional().describe('SPDX licence id'), url: absoluteUrl }).optional().describe('The licence the publication gives its data under (content/site.yaml)'),
    [key]: z.array(item),
  } as { $schema: typeof absoluteUrl; license: z.ZodOptional<z.ZodObject> } & Record<string, z.ZodArray<T>>);

export const openDataFiles = {
  briefings: file('briefings', openBriefingSchema),
  actors: file('actors', openActorSchema),
  positions: file('positions', openPositionSchema),
} as const;
export type OpenDataName = keyof typeof openDataFiles;
