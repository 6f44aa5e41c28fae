/** What a position card (components/PositionCard.astro) shows of one position. */
import type { Position, SiteModel, Source } from '../pipeline/model.ts';
import { pinpointView, type PinpointView } from '../util/pinpoint.ts';
import { positionFacts, sourcesCitedBy, type PositionFacts } from './parts.ts';

export interface PositionCardView {
  position: PositionFacts;
  actorName: string;
  briefingTitle: string;
  /** The position this one follows, for the "earlier position" link. */
  earlier?: Pick<Position, 'id' | 'date'>;
  /** The sources it cites, numbered as in its briefing, with where in each the statement is. */
  sources: (Pick<Source, 'id' | 'number' | 'title' | 'url'> & { pinpoint?: PinpointView })[];
}

export function positionCardView(model: SiteModel, position: Position): PositionCardView {
  const briefing = model.briefingBySlug.get(position.briefingSlug)!;
  const earlier = position.follows ? model.positionById.get(position.follows) : undefined;
  return {
    position: positionFacts(position),
    actorName: model.actorById.get(position.actorId)!.name,
    briefingTitle: briefing.title,
    earlier: earlier && { id: earlier.id, date: earlier.date },
    sources: sourcesCitedBy(briefing, position).map(({ id, number, title, url }) => {
      const pinpoint = pinpointView(url, position.pinpoints[id]);
      return { id, number, title, url, ...(pinpoint ? { pinpoint } : {}) };
    }),
  };
}
