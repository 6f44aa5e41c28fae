/**
 * How actors' positions move over time: chains of `follows` links, per-topic
 * timelines, the actor-by-topic grid and a briefing's "what changed". All derived
 * from the resolved site; views (src/views/) pass the results to pages.
 */
import type { Actor, ActorId, Briefing, Position, PositionChange, SiteModel, Topic, TopicSlug } from '../model.ts';

/** Changes worth flagging in a briefing's "what changed" section. */
export const NOTABLE_CHANGES: readonly PositionChange[] = ['hardens', 'softens', 'reverses'];

/** The whole chain a position belongs to, oldest first (branches included, by date). */
export function positionChain(model: SiteModel, position: Position): Position[] {
  let root = position;
  for (let p = position; p.follows; ) {
    const earlier = model.positionById.get(p.follows);
    if (!earlier) break;
    root = p = earlier;
  }
  const chain: Position[] = [];
  const queue = [root];
  while (queue.length) {
    const next = queue.shift()!;
    chain.push(next);
    for (const id of next.followedBy) queue.push(model.positionById.get(id)!);
  }
  return chain.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export interface TopicTimeline {
  /** Undefined for positions with no topic. */
  topic?: TopicSlug;
  /** Newest first. */
  positions: Position[];
}

/** An actor's positions grouped by topic (topics alphabetically, untopical last), each newest first. */
export function timelineByTopic(model: SiteModel, actorId: ActorId): TopicTimeline[] {
  const groups = new Map<TopicSlug | undefined, Position[]>();
  for (const position of model.positionsByActor.get(actorId) ?? []) {
    const list = groups.get(position.topic) ?? [];
    list.push(position);
    groups.set(position.topic, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b)))
    .map(([topic, positions]) => ({ topic, positions }));
}

export interface StanceGrid {
  topics: Topic[];
  rows: { actor: Actor; cells: (Position | undefined)[] }[];
}

/** Rows: actors with at least one topical position; columns: topics; cell: latest position. Withdrawn positions stand nowhere. */
export function stanceGrid(model: SiteModel): StanceGrid {
  const topics = model.topics.filter((t) => t.positions.some((p) => !p.withdrawn));
  const rows = model.actors
    .map((actor) => {
      const positions = model.positionsByActor.get(actor.id) ?? [];
      // positionsByActor is newest first, so the first match is the latest stance.
      return { actor, cells: topics.map((t) => positions.find((p) => p.topic === t.slug && !p.withdrawn)) };
    })
    .filter((row) => row.cells.some(Boolean));
  return { topics, rows };
}

export interface ChangedPosition {
  position: Position;
  earlier: Position;
}

/** Positions in this briefing that harden, soften or reverse an earlier one. */
export function whatChanged(model: SiteModel, briefing: Briefing): ChangedPosition[] {
  return briefing.positions
    .filter((p) => p.follows && p.change && NOTABLE_CHANGES.includes(p.change))
    .map((position) => ({ position, earlier: model.positionById.get(position.follows!)! }));
}
