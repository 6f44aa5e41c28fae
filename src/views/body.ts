/**
 * A body as a page renders it: its source (compiled once per text by
 * pipeline/compile/) and what its `<Actor>`, `<Position>` and `<Cite>` calls
 * show, so the body components read this view and nothing else.
 */
import { bioBodySource, briefingBodySource } from '../pipeline/compile/renderable-body.ts';
import type { Actor, Briefing, Position, SiteModel, Source } from '../pipeline/model.ts';
import { positionCardView, type PositionCardView } from './position-card.ts';

export interface BodyView {
  source: string;
  format: 'md' | 'mdx';
  fileName: string;
  /** Rendered by Astro's MDX runtime (only with BRIEFINGS_ALLOW_MDX_CODE=1). */
  usesCode: boolean;
  mentions: {
    /** Actor names by id, for `<Actor id>`. */
    actors: Record<string, string>;
    /** Quote cards by position id, for `<Position id>`. */
    positions: Record<string, PositionCardView>;
    /** The briefing's sources by id, for `<Cite source>`. */
    sources: Record<string, Pick<Source, 'id' | 'number' | 'title'>>;
  };
}

export function briefingBodyView(model: SiteModel, briefing: Briefing): BodyView {
  const positions: Record<string, PositionCardView> = {};
  for (const id of briefing.embeds) {
    const position: Position | undefined = model.positionById.get(id);
    if (position && !(id in positions)) positions[id] = positionCardView(model, position);
  }
  return {
    ...briefingBodySource(briefing),
    usesCode: briefing.usesCode,
    mentions: {
      actors: Object.fromEntries(briefing.actorIds.map((id) => [id, model.actorById.get(id)!.name])),
      positions,
      sources: Object.fromEntries(briefing.sources.map(({ id, number, title }) => [id, { id, number, title }])),
    },
  };
}

/** A bio is Markdown without components. */
export function bioView(actor: Actor): BodyView {
  return { ...bioBodySource(actor), usesCode: false, mentions: { actors: {}, positions: {}, sources: {} } };
}
