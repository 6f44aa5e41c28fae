/** The site's one-of-a-kind pages: home, the indexes, who stands where, and the 404 page. */
import type { Actor, ActorKind, Position, SiteModel, TopicSlug } from '../pipeline/model.ts';
import { stanceGrid } from '../pipeline/resolve/relations.ts';
import { ACTOR_KINDS } from '../schemas/actor.ts';
import { briefingSummaryView, type BriefingSummaryView } from './briefing-summary.ts';
import { briefingLink, type BriefingLink } from './parts.ts';
import { byMonth } from '../util/months.ts';
import { archiveMonths, BRIEFINGS_LATEST, monthNeighbours, type ArchiveMonth } from './archive.ts';

/** How many briefings the home page lists, and the 404 page suggests. */
export const HOME_LATEST = 10;
export const NOT_FOUND_LATEST = 5;

export interface HomePageView {
  latest: BriefingSummaryView[];
  briefingCount: number;
  actorCount: number;
}

export const homePageView = (model: SiteModel): HomePageView => ({
  latest: model.briefings.filter((b) => !b.withdrawn).slice(0, HOME_LATEST).map((b) => briefingSummaryView(model, b)),
  briefingCount: model.briefings.length,
  actorCount: model.actors.length,
});

export interface BriefingsPageView {
  /** The newest briefings; the rest are on their months' pages. */
  latest: BriefingSummaryView[];
  total: number;
  months: ArchiveMonth[];
}

export const briefingsPageView = (model: SiteModel): BriefingsPageView => ({
  latest: model.briefings.slice(0, BRIEFINGS_LATEST).map((b) => briefingSummaryView(model, b)),
  total: model.briefings.length,
  months: archiveMonths(model.briefings),
});

export interface BriefingsMonthView {
  /** `YYYY-MM` */
  month: string;
  briefings: BriefingSummaryView[];
  newer?: string;
  older?: string;
}

/** Every month's view, or only the month `only` (the dev server renders one page at a time). */
export function briefingsMonthViews(model: SiteModel, only?: string): BriefingsMonthView[] {
  const months = archiveMonths(model.briefings);
  const grouped = byMonth(model.briefings);
  return months.filter(({ month }) => only === undefined || month === only).map(({ month }) => ({
    month,
    briefings: grouped.get(month)!.map((b) => briefingSummaryView(model, b)),
    ...monthNeighbours(months, month),
  }));
}

export interface ActorsPageView {
  actorCount: number;
  /** Actors by kind, kinds in schema order, empty kinds left out. */
  groups: { kind: ActorKind; actors: (Pick<Actor, 'id' | 'name' | 'role'> & { positionCount: number })[] }[];
}

export const actorsPageView = (model: SiteModel): ActorsPageView => ({
  actorCount: model.actors.length,
  groups: ACTOR_KINDS.map((kind) => ({
    kind,
    actors: model.actors
      .filter((a) => a.kind === kind)
      .map(({ id, name, role }) => ({ id, name, role, positionCount: model.positionsByActor.get(id)?.length ?? 0 })),
  })).filter((g) => g.actors.length > 0),
});

export interface TopicsPageView {
  topics: { slug: TopicSlug; briefingCount: number; positionCount: number }[];
}

export const topicsPageView = (model: SiteModel): TopicsPageView => ({
  topics: model.topics.map((t) => ({ slug: t.slug, briefingCount: t.briefings.length, positionCount: t.positions.length })),
});

export interface StanceGridView {
  topics: TopicSlug[];
  /** One row per actor with a topical position; a cell is the latest stance on that column's topic. */
  rows: { actor: Pick<Actor, 'id' | 'name'>; cells: (Pick<Position, 'id' | 'stance' | 'date'> | null)[] }[];
}

export function stanceGridView(model: SiteModel): StanceGridView {
  const grid = stanceGrid(model);
  return {
    topics: grid.topics.map((t) => t.slug),
    rows: grid.rows.map(({ actor, cells }) => ({
      actor: { id: actor.id, name: actor.name },
      cells: cells.map((cell) => (cell ? { id: cell.id, stance: cell.stance, date: cell.date } : null)),
    })),
  };
}

export interface NotFoundPageView {
  latest: BriefingLink[];
}

export const notFoundPageView = (model: SiteModel): NotFoundPageView => ({
  latest: model.briefings.slice(0, NOT_FOUND_LATEST).map(briefingLink),
});
