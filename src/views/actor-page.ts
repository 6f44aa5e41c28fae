/** Everything an actor page (`/actors/<id>/`) shows: bio, stance history, positions, briefings. */
import type { Actor, ActorId, SiteModel, TopicSlug } from '../pipeline/model.ts';
import { timelineByTopic } from '../pipeline/resolve/relations.ts';
import { bioView, type BodyView } from './body.ts';
import { briefingSummaryView, type BriefingSummaryView } from './briefing-summary.ts';
import { routes } from '../routes.ts';
import { actorRef, movedAwayFrom, stanceStep, type ActorRef, type MovedPosition, type StanceStep } from './parts.ts';
import { positionCardView, type PositionCardView } from './position-card.ts';

export interface ActorPageView {
  actor: Pick<Actor, 'id' | 'name' | 'kind' | 'role' | 'aliases' | 'links'>;
  bio?: BodyView;
  /** Each topic's positions, newest first (topics alphabetically; positions without one, and withdrawn ones, left out). */
  timelines: { topic: TopicSlug; steps: StanceStep[] }[];
  /** Newest first. */
  positions: PositionCardView[];
  /** Briefings that involve the actor, newest first. */
  briefings: BriefingSummaryView[];
  /** The organisations or countries the actor belongs to. */
  affiliations: ActorRef[];
  /** Actors that list this one among their affiliations. */
  members: ActorRef[];
  /** Positions once published here and now attributed to another actor: their old anchors say where they went. */
  movedAway: MovedPosition[];
}

export function actorPageView(model: SiteModel, actor: Actor, membersOf: ReadonlyMap<ActorId, Actor[]>): ActorPageView {
  const { id, name, kind, role, aliases, links } = actor;
  return {
    actor: { id, name, kind, role, aliases, links },
    bio: actor.bio ? bioView(actor) : undefined,
    timelines: timelineByTopic(model, actor.id)
      .filter((t) => t.topic !== undefined)
      .map((t) => ({ topic: t.topic!, steps: t.positions.filter((p) => !p.withdrawn).map(stanceStep) }))
      .filter((t) => t.steps.length > 0),
    positions: (model.positionsByActor.get(actor.id) ?? []).map((p) => positionCardView(model, p)),
    briefings: (model.briefingsByActor.get(actor.id) ?? []).map((b) => briefingSummaryView(model, b)),
    affiliations: actor.affiliations.map((a) => actorRef(model.actorById.get(a)!)),
    members: (membersOf.get(actor.id) ?? []).map(actorRef),
    movedAway: movedAwayFrom(model, routes.actor(actor.id)),
  };
}

/** For each actor, the actors affiliated with it, computed once for all actor pages. */
export function membersByAffiliation(model: SiteModel): Map<ActorId, Actor[]> {
  const members = new Map<ActorId, Actor[]>();
  for (const actor of model.actors) {
    for (const id of actor.affiliations) members.set(id, [...(members.get(id) ?? []), actor]);
  }
  return members;
}

export function actorPageViewById(model: SiteModel, id: string): ActorPageView | undefined {
  const actor = model.actorById.get(id as ActorId);
  return actor && actorPageView(model, actor, membersByAffiliation(model));
}
