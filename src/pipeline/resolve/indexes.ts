/** The site's indexes, built once from the resolved actors and briefings: what every view looks things up in. */
import type { Actor, ActorId, Briefing, Position, PositionId, SiteModel, Topic, TopicSlug } from '../model.ts';
import { compareCodeUnits } from './report.ts';

/** Actor names are shown sorted as a reader expects; one collator serves every comparison. */
const byName = new Intl.Collator('en');

const newestFirst = <T extends { date: string }>(key: (item: T) => string) => (a: T, b: T) =>
  compareCodeUnits(b.date, a.date) || compareCodeUnits(key(a), key(b));

export function buildIndexes(
  actorsUnsorted: Actor[],
  actorById: Map<ActorId, Actor>,
  briefingsUnsorted: Briefing[],
  positionById: Map<PositionId, Position>,
): SiteModel {
  const briefings = [...briefingsUnsorted].sort(newestFirst((b) => b.slug));
  const actors = [...actorsUnsorted].sort((a, b) => byName.compare(a.name, b.name) || compareCodeUnits(a.id, b.id));
  const briefingBySlug = new Map(briefings.map((b) => [b.slug, b]));

  const positionsByActor = new Map<ActorId, Position[]>(actors.map((a) => [a.id, []]));
  const briefingsByActor = new Map<ActorId, Briefing[]>(actors.map((a) => [a.id, []]));
  const topicBySlug = new Map<TopicSlug, Topic>();
  const topic = (slug: TopicSlug) => {
    let t = topicBySlug.get(slug);
    if (!t) topicBySlug.set(slug, (t = { slug, briefings: [], positions: [] }));
    return t;
  };

  for (const briefing of briefings) {
    for (const actorId of briefing.actorIds) briefingsByActor.get(actorId)?.push(briefing);
    for (const slug of briefing.topics) topic(slug).briefings.push(briefing);
    for (const position of briefing.positions) {
      positionsByActor.get(position.actorId)?.push(position);
      if (position.topic) topic(position.topic).positions.push(position);
    }
  }
  const byDateThenId = newestFirst<Position>((p) => p.id);
  for (const list of positionsByActor.values()) list.sort(byDateThenId);
  for (const t of topicBySlug.values()) t.positions.sort(byDateThenId);
  const topics = [...topicBySlug.values()].sort((a, b) => compareCodeUnits(a.slug, b.slug));

  return {
    briefings,
    actors,
    topics,
    actorById,
    briefingBySlug,
    positionById,
    topicBySlug: new Map(topics.map((t) => [t.slug, t])),
    positionsByActor,
    briefingsByActor,
    links: { removed: [], movedAway: new Map() },
  };
}
