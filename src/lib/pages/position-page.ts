/**
 * Everything a position page (`/positions/<id>/`) renders, looked up once in
 * getStaticPaths. The page reads nothing else, so a digest of this is a safe
 * incremental-build key for it (lib/cache-key.ts).
 */
import type { Position, SiteModel, Source } from '../model.ts';
import { withoutBio, type ActorSummary } from './shown-positions.ts';
import { positionChain } from '../relations.ts';

/** How many of the actor's other positions, nearest in time, a position page links to. */
export const OTHER_POSITIONS = 8;

export interface PositionPageProps {
  position: Position;
  actor: ActorSummary;
  briefing: { slug: string; title: string };
  /** The briefing's sources this position cites. */
  sources: Source[];
  /** The line this position belongs to, oldest first; just this position when it stands alone. */
  chain: Position[];
  /** The actor's positions nearest in time to this one; the actor page lists them all. */
  others: Position[];
  /** How many positions the actor has in all. */
  actorPositionCount: number;
}

export function positionPageProps(model: SiteModel, position: Position): PositionPageProps {
  const actor = withoutBio(model.actorById.get(position.actorId)!);
  const briefing = model.briefingBySlug.get(position.briefingSlug)!;
  // Bounded so that a prolific actor's position pages stay small (and the build linear).
  const all = model.positionsByActor.get(actor.id) ?? [];
  const at = all.indexOf(position);
  const start = Math.max(0, Math.min(at - OTHER_POSITIONS / 2, all.length - 1 - OTHER_POSITIONS));
  return {
    position,
    actor,
    briefing: { slug: briefing.slug, title: briefing.title },
    sources: briefing.sources.filter((s) => position.sourceIds.includes(s.id)),
    chain: positionChain(model, position),
    others: all.slice(start, start + OTHER_POSITIONS + 1).filter((p) => p.id !== position.id),
    actorPositionCount: all.length,
  };
}

export function positionPagePropsById(model: SiteModel, id: string): PositionPageProps | undefined {
  const position = model.positionById.get(id as Position['id']);
  return position && positionPageProps(model, position);
}
