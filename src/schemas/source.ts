import { z } from 'zod';
import { calendarDate, displayText, slug, text, webUrl } from './common.ts';
import { languageTag } from './language.ts';

/** One entry of a briefing's `sources` list. */
export const sourceSchema = z.strictObject({
  /** Id unique within the briefing; `<Cite source="…">` and positions refer to it. */
  id: slug,
  /** Title of the cited document or article. */
  title: displayText,
  /** Who published it, e.g. "Reuters" or "Ministry of Foreign Affairs of Russia". */
  publisher: text,
  /** Where to read it; http or https only. */
  url: webUrl,
  /** When it was published, YYYY-MM-DD. */
  date: calendarDate.optional(),
  /** A saved copy (Wayback Machine, Perma.cc, archive.today), shown beside the original link; http or https only. */
  archived: webUrl.optional(),
  /** When the desk read it, YYYY-MM-DD; not in the future. */
  accessed: calendarDate.optional(),
  /** BCP 47 tag of the source's language, when it is not the site's; the source list names the language. */
  lang: languageTag.optional(),
});

export type SourceInput = z.input<typeof sourceSchema>;
export type SourceData = z.infer<typeof sourceSchema>;
