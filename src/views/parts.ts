/**
 * Small pieces that several views share: an actor as a link shows it, a
 * position as a step in a list, a briefing as a link. Each picks only what is
 * drawn, so a view (and the key digested from it) holds nothing a page ignores.
 */
import type { Actor, Briefing, Position, SiteModel, Source } from '../pipeline/model.ts';

/** An actor as a chip, a link or a JSON-LD reference shows it. */
export type ActorRef = Pick<Actor, 'id' | 'name' | 'kind'>;
export const actorRef = ({ id, name, kind }: Actor): ActorRef => ({ id, name, kind });

/** A position as a timeline step, a chain link or a "what changed" pair shows it. */
export type StanceStep = Pick<Position, 'id' | 'date' | 'stance' | 'follows' | 'change'>;
export const stanceStep = ({ id, date, stance, follows, change }: Position): StanceStep => ({ id, date, stance, follows, change });

export type BriefingLink = Pick<Briefing, 'slug' | 'title'>;
export const briefingLink = ({ slug, title }: Briefing): BriefingLink => ({ slug, title });

/** What every view of one position shows of the position itself. */
export type PositionFacts = Pick<Position, 'id' | 'actorId' | 'briefingSlug' | 'stance' | 'quote' | 'lang' | 'translation' | 'date' | 'role' | 'topic' | 'follows' | 'change' | 'formerly' | 'withdrawn' | 'corrections'>;
export const positionFacts = ({ id, actorId, briefingSlug, stance, quote, lang, translation, date, role, topic, follows, change, formerly, withdrawn, corrections }: Position): PositionFacts =>
  ({ id, actorId, briefingSlug, stance, quote, lang, translation, date, role, topic, follows, change, formerly, withdrawn, corrections });

/** A source as a reference list shows it; a briefing's list also links back to each citation (`citeCount`). */
export type CitedSource = Pick<Source, 'id' | 'number' | 'title' | 'publisher' | 'url' | 'date' | 'archived' | 'accessed' | 'lang'>;
export const citedSource = ({ id, number, title, publisher, url, date, archived, accessed, lang }: Source): CitedSource => ({ id, number, title, publisher, url, date, archived, accessed, lang });
export type SourceView = CitedSource & Pick<Source, 'citeCount'>;
export const sourceView = (source: Source): SourceView => ({ ...citedSource(source), citeCount: source.citeCount });

/** The briefing's sources a position cites, in the briefing's order. */
export const sourcesCitedBy = (briefing: Briefing, position: Position): Source[] =>
  briefing.sources.filter((s) => position.sourceIds.includes(s.id));

/** A position once shown on a page and now elsewhere: who it is attributed to and where it is now. */
export interface MovedPosition {
  /** The id it was shown under on the old page. */
  fragment: string;
  position: Pick<Position, 'id' | 'actorId' | 'briefingSlug' | 'stance'>;
  actorName: string;
  briefingTitle: string;
}

export const movedAwayFrom = (model: SiteModel, page: string): MovedPosition[] =>
  (model.links.movedAway.get(page) ?? []).map(({ fragment, positionId }) => {
    const { id, actorId, briefingSlug, stance } = model.positionById.get(positionId)!;
    return { fragment, position: { id, actorId, briefingSlug, stance }, actorName: model.actorById.get(actorId)!.name, briefingTitle: model.briefingBySlug.get(briefingSlug)!.title };
  });
