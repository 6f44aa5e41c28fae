/**
 * Every note on the record, newest first: what `/corrections/` lists and its
 * feeds carry, each linked to the exact item it corrects.
 */
import type { BuildContext } from '../pipeline/build-handoff.ts';
import type { Correction, SiteModel } from '../pipeline/model.ts';
import { absoluteIn, feedPaths, routes } from '../routes.ts';
import { correctionLabel } from '../util/format.ts';
import { FEED_ITEMS, feedPublication, type FeedView } from './feeds.ts';

export interface CorrectionEntry extends Correction {
  /**
   * Unique on the corrections page (a briefing and a position may share an id), and stable
   * as later notes are added, so each feed item keeps its address: `briefing-<slug>-<date>`.
   * A second note of one day written below the first is `…-2`.
   */
  anchor: string;
  /** What it corrects: a briefing (its notes) or a position (its card in the briefing). */
  what: 'briefing' | 'position';
  title: string;
  /** Base-less path of the corrected item, with its fragment. */
  href: string;
}

export interface CorrectionsPageView {
  entries: CorrectionEntry[];
}


/** `<item>-<date>`, with `-2`, `-3` for more notes on one day, in the order they were written. */
function anchors(item: string, notes: readonly Correction[]): string[] {
  const seen = new Map<string, number>();
  // Notes are newest first, one day's in the order written: a note added later never renames another.
  return notes.map((note) => {
    const n = (seen.get(note.date) ?? 0) + 1;
    seen.set(note.date, n);
    return `${item}-${note.date}${n > 1 ? `-${n}` : ''}`;
  });
}

export function correctionsPageView(model: SiteModel): CorrectionsPageView {
  const entries: CorrectionEntry[] = [];
  for (const b of model.briefings) {
    const named = anchors(`briefing-${b.slug}`, b.corrections);
    b.corrections.forEach((c, i) => entries.push({ ...c, anchor: named[i]!, what: 'briefing', title: b.title, href: `${routes.briefing(b.slug)}#${c.kind === 'correction' ? 'record-corrections' : 'record-notes'}` }));
    for (const p of b.positions) {
      const forPosition = anchors(`position-${p.id}`, p.corrections);
      p.corrections.forEach((c, i) => entries.push({ ...c, anchor: forPosition[i]!, what: 'position', title: p.stance, href: routes.positionInBriefing(p) }));
    }
  }
  // Newest first; one day's notes by item, so the order never depends on the file system.
  entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.anchor < b.anchor ? -1 : a.anchor > b.anchor ? 1 : 0));
  return { entries };
}

export function correctionsFeedView(model: SiteModel, context: BuildContext, format: 'rss' | 'json'): FeedView {
  const abs = absoluteIn(context);
  const page = routes.corrections();
  return {
    meta: {
      title: `Corrections · ${context.publication.name}`,
      description: `Every correction, clarification and update ${context.publication.name} made, newest first.`,
      homeUrl: abs(page),
      feedUrl: abs(format === 'rss' ? feedPaths.pageRss(page) : feedPaths.pageJson(page)),
      publication: feedPublication(context),
    },
    items: correctionsPageView(model).entries.slice(0, FEED_ITEMS).map((entry) => ({
      url: abs(`${page}#${entry.anchor}`),
      title: `${correctionLabel(entry.kind)}: ${entry.title}`,
      summary: `${entry.text} (${entry.what === 'briefing' ? 'Briefing' : 'Position'}: ${abs(entry.href)})`,
      date: entry.date,
      authors: [],
      categories: [entry.kind],
    })),
    rssUrl: abs(feedPaths.pageRss(page)),
  };
}
