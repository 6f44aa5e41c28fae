/** What a briefing summary in a list (components/BriefingSummary.astro) shows. */
import type { Briefing, SiteModel } from '../pipeline/model.ts';

/** How many of a briefing's actors a summary names. */
export const SUMMARY_ACTORS = 6;

export interface BriefingSummaryView extends Pick<Briefing, 'slug' | 'title' | 'summary' | 'date' | 'updated' | 'draft' | 'scheduledFor' | 'withdrawn'> {
  positionCount: number;
  /** The first actors involved, by name. */
  actorNames: string[];
}

export function briefingSummaryView(model: SiteModel, briefing: Briefing): BriefingSummaryView {
  const { slug, title, summary, date, updated, draft, scheduledFor, withdrawn } = briefing;
  return {
    slug, title, summary, date, updated, draft, scheduledFor, withdrawn,
    positionCount: briefing.positions.length,
    actorNames: briefing.actorIds.slice(0, SUMMARY_ACTORS).map((id) => model.actorById.get(id)!.name),
  };
}
