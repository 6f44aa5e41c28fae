/** What a position card (components/PositionCard.astro) shows of one position. */
import type { Position, SiteModel, Source } from '../pipeline/model.ts';
import { sourcesCitedBy } from './parts.ts';

export interface PositionCardView {
  position: Pick<Position, 'id' | 'actorId' | 'briefingSlug' | 'stance' | 'quote' | 'date' | 'role' | 'topic' | 'follows' | 'change'>;
  actorName: string;
  briefingTitle: string;
  /** The position this one follows, for the "earlier position" link. */
  earlier?: Pick<Position, 'id' | 'date'>;
  /** The sources it cites, numbered as in its briefing. */
  sources: Pick<Source, 'id' | 'number' | 'title' | 'url'>[];
}

export function positionCardView(model: SiteModel, position: Position): PositionCardView {
  const { id, actorId, briefingSlug, stance, quote, date, role, topic, follows, change } = position;
  const briefing = model.briefingBySlug.get(briefingSlug)!;
  const earlier = follows ? model.positionById.get(follows) : undefined;
  return {
    position: { id, actorId, briefingSlug, stance, quote, date, role, topic, follows, change },
    actorName: model.actorById.get(actorId)!.name,
    briefingTitle: briefing.title,
    earlier: earlier && { id: earlier.id, date: earlier.date },
    sources: sourcesCitedBy(briefing, position).map(({ id: sourceId, number, title, url }) => ({ id: sourceId, number, title, url })),
  };
}
