/** Everything a topic page (`/topics/<topic>/`) shows: its briefings, and its positions by actor. */
import type { ActorId, Position, SiteModel, Topic, TopicSlug } from '../pipeline/model.ts';
import { briefingSummaryView, type BriefingSummaryView } from './briefing-summary.ts';
import { actorRef, type ActorRef } from './parts.ts';
import { positionCardView, type PositionCardView } from './position-card.ts';

export interface TopicPageView {
  slug: TopicSlug;
  briefings: BriefingSummaryView[];
  /** Actors in name order, each actor's positions newest first. */
  groups: { actor: ActorRef; positions: PositionCardView[] }[];
}

export function topicPageView(model: SiteModel, topic: Topic): TopicPageView {
  const byActor = new Map<ActorId, Position[]>();
  for (const position of topic.positions) byActor.set(position.actorId, [...(byActor.get(position.actorId) ?? []), position]);
  return {
    slug: topic.slug,
    briefings: topic.briefings.map((b) => briefingSummaryView(model, b)),
    groups: model.actors
      .filter((actor) => byActor.has(actor.id))
      .map((actor) => ({ actor: actorRef(actor), positions: byActor.get(actor.id)!.map((p) => positionCardView(model, p)) })),
  };
}

export function topicPageViewBySlug(model: SiteModel, slug: string): TopicPageView | undefined {
  const topic = model.topicBySlug.get(slug as TopicSlug);
  return topic && topicPageView(model, topic);
}
