/**
 * Parts shared by the page view models in this folder: actors as pages show
 * them, and what position cards and feed items read beyond the position itself,
 * which a page's incremental-build key must cover.
 */
import type { Actor, Position, PositionId, SiteModel } from '../model.ts';

/** An actor without the bio: only the actor's own page shows it. */
export type ActorSummary = Omit<Actor, 'bio'>;
export const withoutBio = ({ bio: _bio, ...actor }: Actor): ActorSummary => actor;

/**
 * The positions with the one each follows, their actors, and their briefings'
 * titles, authors and sources: everything a position card or a position's feed
 * item shows of them.
 */
export function shownPositions(model: SiteModel, positions: Iterable<Position>) {
  const shown = new Map<PositionId, Position>();
  for (const position of positions) {
    shown.set(position.id, position);
    if (position.follows) shown.set(position.follows, model.positionById.get(position.follows)!);
  }
  const all = [...shown.values()];
  const actors = [...new Set(all.map((p) => p.actorId))].map((id) => withoutBio(model.actorById.get(id)!));
  const homes = [...new Set(all.map((p) => p.briefingSlug))].map((slug) => {
    const home = model.briefingBySlug.get(slug)!;
    return { slug, title: home.title, authors: home.authors, sources: home.sources };
  });
  return { positions: all, actors, homes };
}
