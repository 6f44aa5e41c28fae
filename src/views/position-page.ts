/** Everything a position page (`/positions/<id>/`) shows. */
import type { Position, PositionId, SiteModel } from '../pipeline/model.ts';
import { positionChain } from '../pipeline/resolve/relations.ts';
import { pinpointView, type PinpointView } from '../util/pinpoint.ts';
import { actorRef, briefingLink, citedSource, positionFacts, sourcesCitedBy, stanceStep, type ActorRef, type BriefingLink, type CitedSource, type PositionFacts, type StanceStep } from './parts.ts';

/** How many of the actor's other positions, nearest in time, a position page links to. */
export const OTHER_POSITIONS = 8;

export interface PositionPageView {
  position: PositionFacts;
  actor: ActorRef;
  briefing: BriefingLink;
  /** The briefing's sources this position cites. */
  sources: (CitedSource & { pinpoint?: PinpointView })[];
  /** The line this position belongs to, oldest first; just this position when it stands alone. */
  chain: StanceStep[];
  /** The actor's positions nearest in time to this one; the actor page lists them all. */
  others: Pick<Position, 'id' | 'date' | 'stance'>[];
  /** How many positions the actor has in all. */
  actorPositionCount: number;
}

export function positionPageView(model: SiteModel, position: Position): PositionPageView {
  const briefing = model.briefingBySlug.get(position.briefingSlug)!;
  // Bounded so that a prolific actor's position pages stay small (and the build linear).
  const all = model.positionsByActor.get(position.actorId) ?? [];
  const at = all.indexOf(position);
  const start = Math.max(0, Math.min(at - OTHER_POSITIONS / 2, all.length - 1 - OTHER_POSITIONS));
  return {
    position: positionFacts(position),
    actor: actorRef(model.actorById.get(position.actorId)!),
    briefing: briefingLink(briefing),
    sources: sourcesCitedBy(briefing, position).map((source) => {
      const pinpoint = pinpointView(source.url, position.pinpoints[source.id]);
      return { ...citedSource(source), ...(pinpoint ? { pinpoint } : {}) };
    }),
    chain: positionChain(model, position).map(stanceStep),
    others: all
      .slice(start, start + OTHER_POSITIONS + 1)
      .filter((p) => p.id !== position.id)
      .map((p) => ({ id: p.id, date: p.date, stance: p.stance })),
    actorPositionCount: all.length,
  };
}

export function positionPageViewById(model: SiteModel, id: string): PositionPageView | undefined {
  const position = model.positionById.get(id as PositionId);
  return position && positionPageView(model, position);
}
