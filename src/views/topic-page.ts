/** Everything a topic page (`/topics/<topic>/`) and its months' pages show: briefings, and positions by actor. */
import type { ActorId, Briefing, Position, SiteModel, Topic, TopicSlug } from '../pipeline/model.ts';
import { byMonth, monthsOf } from '../util/months.ts';
import { monthNeighbours, TOPIC_BRIEFINGS_LATEST, TOPIC_POSITIONS_LATEST } from './archive.ts';
import { briefingSummaryView, type BriefingSummaryView } from './briefing-summary.ts';
import { actorRef, type ActorRef } from './parts.ts';
import { positionCardView, type PositionCardView } from './position-card.ts';

export interface TopicListing {
  slug: TopicSlug;
  briefings: BriefingSummaryView[];
  /** Actors in name order, each actor's positions newest first. */
  groups: { actor: ActorRef; positions: PositionCardView[] }[];
}

export interface TopicPageView extends TopicListing {
  briefingTotal: number;
  positionTotal: number;
  /** Every month with a briefing or a position on the topic, newest first. */
  months: { month: string; briefingCount: number; positionCount: number }[];
}

export interface TopicMonthView extends TopicListing {
  /** `YYYY-MM` */
  month: string;
  newer?: string;
  older?: string;
}

function listing(model: SiteModel, topic: Topic, briefings: readonly Briefing[], positions: readonly Position[]): TopicListing {
  const byActor = new Map<ActorId, Position[]>();
  for (const position of positions) byActor.set(position.actorId, [...(byActor.get(position.actorId) ?? []), position]);
  return {
    slug: topic.slug,
    briefings: briefings.map((b) => briefingSummaryView(model, b)),
    groups: model.actors
      .filter((actor) => byActor.has(actor.id))
      .map((actor) => ({ actor: actorRef(actor), positions: byActor.get(actor.id)!.map((p) => positionCardView(model, p)) })),
  };
}

/** Both kinds of item in one list of months. */
function topicMonths(topic: Topic) {
  const briefings = byMonth(topic.briefings);
  const positions = byMonth(topic.positions);
  return monthsOf(topic.briefings, topic.positions).map((month) => ({ month, briefingCount: briefings.get(month)?.length ?? 0, positionCount: positions.get(month)?.length ?? 0 }));
}

export function topicPageView(model: SiteModel, topic: Topic): TopicPageView {
  return {
    ...listing(model, topic, topic.briefings.slice(0, TOPIC_BRIEFINGS_LATEST), topic.positions.slice(0, TOPIC_POSITIONS_LATEST)),
    briefingTotal: topic.briefings.length,
    positionTotal: topic.positions.length,
    months: topicMonths(topic),
  };
}

export function topicPageViewBySlug(model: SiteModel, slug: string): TopicPageView | undefined {
  const topic = model.topicBySlug.get(slug as TopicSlug);
  return topic && topicPageView(model, topic);
}

/** Every month's view of the topic, or only the month `only` (the dev server renders one page at a time). */
export function topicMonthViews(model: SiteModel, topic: Topic, only?: string): TopicMonthView[] {
  const months = topicMonths(topic).map((m) => ({ month: m.month, count: m.briefingCount + m.positionCount }));
  const briefings = byMonth(topic.briefings);
  const positions = byMonth(topic.positions);
  return months.filter(({ month }) => only === undefined || month === only).map(({ month }) => ({
    ...listing(model, topic, briefings.get(month) ?? [], positions.get(month) ?? []),
    month,
    ...monthNeighbours(months, month),
  }));
}
