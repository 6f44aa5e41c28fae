/** Everything a briefing page (`/briefings/<slug>/`) shows, its body components included. */
import type { Briefing, Correction, SiteModel } from '../pipeline/model.ts';
import { newestFirst } from '../pipeline/resolve/record-checks.ts';
import { whatChanged } from '../pipeline/resolve/relations.ts';
import { briefingBodyView, type BodyView } from './body.ts';
import { routes } from '../routes.ts';
import { actorRef, briefingLink, movedAwayFrom, sourceView, stanceStep, type ActorRef, type BriefingLink, type MovedPosition, type SourceView, type StanceStep } from './parts.ts';
import { positionCardView, type PositionCardView } from './position-card.ts';

export interface BriefingPageView {
  briefing: Pick<Briefing, 'slug' | 'title' | 'summary' | 'date' | 'updated' | 'authors' | 'topics' | 'draft' | 'scheduledFor' | 'wordCount' | 'readingMinutes' | 'withdrawn' | 'corrections'>;
  body: BodyView;
  /** Briefings are newest first: "newer" is the one before in that order. */
  newer?: BriefingLink;
  older?: BriefingLink;
  /** Everyone involved, in the briefing's order. */
  actors: ActorRef[];
  /** Positions here that harden, soften or reverse an earlier one, with it. */
  changes: { position: StanceStep; earlier: StanceStep; actorName: string }[];
  positions: PositionCardView[];
  sources: SourceView[];
  /** Every note on the briefing's record, its positions' too, newest first (for JSON-LD). */
  record: Correction[];
  /** Positions once shown here and now in another briefing: their old anchors say where they went. */
  movedAway: MovedPosition[];
}

export function briefingPageView(model: SiteModel, briefing: Briefing, newer?: Briefing, older?: Briefing): BriefingPageView {
  const { slug, title, summary, date, updated, authors, topics, draft, scheduledFor, wordCount, readingMinutes, withdrawn, corrections } = briefing;
  return {
    briefing: { slug, title, summary, date, updated, authors, topics, draft, scheduledFor, wordCount, readingMinutes, withdrawn, corrections },
    body: briefingBodyView(model, briefing),
    newer: newer && briefingLink(newer),
    older: older && briefingLink(older),
    actors: briefing.actorIds.map((id) => actorRef(model.actorById.get(id)!)),
    changes: whatChanged(model, briefing).map(({ position, earlier }) => ({
      position: stanceStep(position),
      earlier: stanceStep(earlier),
      actorName: model.actorById.get(position.actorId)!.name,
    })),
    positions: briefing.positions.map((position) => positionCardView(model, position)),
    sources: briefing.sources.map(sourceView),
    record: newestFirst([...briefing.corrections, ...briefing.positions.flatMap((p) => p.corrections)]),
    movedAway: movedAwayFrom(model, routes.briefing(briefing.slug)),
  };
}

/** Every briefing's view; neighbours come from the newest-first order. */
export function briefingPageViews(model: SiteModel): { briefing: Briefing; view: BriefingPageView }[] {
  return model.briefings.map((briefing, i, all) => ({ briefing, view: briefingPageView(model, briefing, all[i - 1], all[i + 1]) }));
}

export function briefingPageViewBySlug(model: SiteModel, slug: string): BriefingPageView | undefined {
  const all = model.briefings;
  const index = all.findIndex((b) => b.slug === slug);
  return index < 0 ? undefined : briefingPageView(model, all[index]!, all[index - 1], all[index + 1]);
}
