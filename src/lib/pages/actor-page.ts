/**
 * What an actor page (`/actors/<id>/`) renders, looked up once in getStaticPaths,
 * and the incremental-build keys (lib/cache-key.ts) of the page and its feeds.
 * The page's position cards, stance timeline and briefing summaries look the
 * site up themselves, so the keys cover what those read too.
 */
import { cacheKeyOf } from '../cache-key.ts';
import type { Actor, ActorId, Briefing, Position, SiteModel } from '../model.ts';
import { shownPositions, withoutBio, type ActorSummary } from './shown-positions.ts';

export interface ActorPageProps {
  actor: Actor;
  /** Newest first. */
  positions: Position[];
  /** Briefings that involve the actor, newest first. */
  briefings: Briefing[];
  /** The organisations or countries the actor belongs to. */
  affiliations: ActorSummary[];
  /** Actors that list this one among their affiliations. */
  members: ActorSummary[];
}

export function actorPageProps(model: SiteModel, actor: Actor, membersOf: ReadonlyMap<ActorId, Actor[]>): ActorPageProps {
  return {
    actor,
    positions: model.positionsByActor.get(actor.id) ?? [],
    briefings: model.briefingsByActor.get(actor.id) ?? [],
    affiliations: actor.affiliations.map((id) => withoutBio(model.actorById.get(id)!)),
    members: (membersOf.get(actor.id) ?? []).map(withoutBio),
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

export function actorPageKey(model: SiteModel, props: ActorPageProps): string {
  // Briefing summaries show each briefing's first actors by name; bodies are not shown.
  const briefings = props.briefings.map(({ body: _body, ...briefing }) => ({
    ...briefing,
    actorNames: briefing.actorIds.slice(0, 6).map((id) => model.actorById.get(id)!.name),
  }));
  return cacheKeyOf({ props: { ...props, briefings: undefined }, briefings, context: shownPositions(model, props.positions) });
}

/** An actor's feeds list the actor's positions with their briefings' titles and authors. */
export function actorFeedKey(model: SiteModel, actor: Actor): string {
  return cacheKeyOf({ name: actor.name, context: shownPositions(model, model.positionsByActor.get(actor.id) ?? []) });
}

export function actorPagePropsById(model: SiteModel, id: string): ActorPageProps | undefined {
  const actor = model.actorById.get(id as ActorId);
  return actor && actorPageProps(model, actor, membersByAffiliation(model));
}
