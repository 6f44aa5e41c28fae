/**
 * The view of every route in src/pages, in one table: the only place that turns
 * the site model into what pages render. Dynamic routes give each of their paths
 * a view and an incremental-build key derived from it (cache-key.ts); pages and
 * components read the view alone (tests/unit/view-boundary.test.ts holds them to
 * it, tests/unit/view-keys.test.ts the keys).
 */
import type { BuildContext } from '../pipeline/build-handoff.ts';
import type { SiteModel } from '../pipeline/model.ts';
import type { OpenDataName } from '../schemas/open-data.ts';
import { actorPageView, actorPageViewById, membersByAffiliation, type ActorPageView } from './actor-page.ts';
import { briefingPageViewBySlug, briefingPageViews, type BriefingPageView } from './briefing-page.ts';
import { actorFeedView, briefingFeedView, topicFeedView, type FeedFormat, type FeedView } from './feeds.ts';
import { actorsPageView, briefingsMonthViews, briefingsPageView, homePageView, notFoundPageView, stanceGridView, topicsPageView, type BriefingsMonthView } from './list-pages.ts';
import { monthFromParams, monthParams } from './archive.ts';
import { correctionsFeedView, correctionsPageView } from './corrections.ts';
import { openDataView, type OpenDataView } from './open-data.ts';
import { positionPageView, positionPageViewById, type PositionPageView } from './position-page.ts';
import { publishedUrls } from '../pipeline/links/published-urls.ts';
import { pageRedirects, type Redirect } from '../pipeline/links/redirects.ts';
import { topicMonthViews, topicPageView, topicPageViewBySlug, type TopicMonthView, type TopicPageView } from './topic-page.ts';

type Params = Record<string, string>;

export interface RouteViews<V> {
  /** Every path of the route with its view; `keyed: false` for one that must always be rendered. */
  all(model: SiteModel, context: BuildContext): { params: Params; view: V; keyed: boolean }[];
  /** One path's view, for the dev server (undefined when the path no longer exists). */
  one(model: SiteModel, context: BuildContext, params: Params): V | undefined;
}

/** An actor's feeds answer at its former ids too: feed readers do not follow a redirect page. */
const actorFeed = (format: FeedFormat): RouteViews<FeedView> => ({
  all: (model, context) =>
    model.actors.flatMap((a) => {
      const view = actorFeedView(model, context, a, format);
      return [a.id, ...a.formerly].map((id) => ({ params: { id }, view, keyed: true }));
    }),
  one: (model, context, { id }) => {
    const actor = model.actors.find((a) => a.id === id || a.formerly.includes(id as never));
    return actor && actorFeedView(model, context, actor, format);
  },
});

/** The page at a URL that no longer has its own: a redirect to where it went, or the notice of its removal. */
export type MovedView = { kind: 'moved'; to: string; what: Redirect['what']; title: string } | { kind: 'removed'; reason: string };

/** `[...moved]` params of a page path: "/positions/old/" → "positions/old". */
const movedParam = (sitePath: string) => ({ moved: sitePath.slice(1, -1) });

function movedViews(model: SiteModel): { params: Params; view: MovedView }[] {
  const published = new Set(publishedUrls(model));
  return [
    ...pageRedirects(model).map(({ from, to, what, title }) => ({ params: movedParam(from), view: { kind: 'moved' as const, to, what, title } })),
    // A removed page answers with its reason; a path listed there that is published again is simply the page.
    ...model.links.removed
      .filter((r) => r.path.endsWith('/') && r.path !== '/' && !published.has(r.path))
      .map((r) => ({ params: movedParam(r.path), view: { kind: 'removed' as const, reason: r.reason } })),
  ];
}

const topicFeed = (format: FeedFormat): RouteViews<FeedView> => ({
  all: (model, context) => model.topics.map((t) => ({ params: { topic: t.slug }, view: topicFeedView(model, context, t, format), keyed: true })),
  one: (model, context, { topic }) => {
    const found = model.topics.find((t) => t.slug === topic);
    return found && topicFeedView(model, context, found, format);
  },
});

/** Routes with parameters, by their file under src/pages (without the extension). */
export const dynamicRoutes = {
  'briefings/[slug]': {
    // A body with MDX code runs through Astro's MDX runtime, whose imports no view can see: never keyed.
    all: (model) => briefingPageViews(model).map(({ briefing, view }) => ({ params: { slug: briefing.slug }, view, keyed: !briefing.usesCode })),
    one: (model, _context, { slug }) => briefingPageViewBySlug(model, slug!),
  } satisfies RouteViews<BriefingPageView>,
  'actors/[id]': {
    all: (model) => {
      const members = membersByAffiliation(model);
      return model.actors.map((actor) => ({ params: { id: actor.id }, view: actorPageView(model, actor, members), keyed: true }));
    },
    one: (model, _context, { id }) => actorPageViewById(model, id!),
  } satisfies RouteViews<ActorPageView>,
  'positions/[id]': {
    all: (model) => [...model.positionById.values()].map((p) => ({ params: { id: p.id }, view: positionPageView(model, p), keyed: true })),
    one: (model, _context, { id }) => positionPageViewById(model, id!),
  } satisfies RouteViews<PositionPageView>,
  'topics/[topic]': {
    all: (model) => model.topics.map((t) => ({ params: { topic: t.slug }, view: topicPageView(model, t), keyed: true })),
    one: (model, _context, { topic }) => topicPageViewBySlug(model, topic!),
  } satisfies RouteViews<TopicPageView>,
  'briefings/[year]/[month]': {
    all: (model) => briefingsMonthViews(model).map((view) => ({ params: monthParams(view.month), view, keyed: true })),
    one: (model, _context, params) => briefingsMonthViews(model, monthFromParams(params))[0],
  } satisfies RouteViews<BriefingsMonthView>,
  'topics/[topic]/[year]/[month]': {
    all: (model) => model.topics.flatMap((t) => topicMonthViews(model, t).map((view) => ({ params: { topic: t.slug, ...monthParams(view.month) }, view, keyed: true }))),
    one: (model, _context, params) => {
      const topic = model.topicBySlug.get(params.topic as never);
      return topic && topicMonthViews(model, topic, monthFromParams(params))[0];
    },
  } satisfies RouteViews<TopicMonthView>,
  'actors/[id]/rss.xml': actorFeed('rss'),
  'actors/[id]/feed.json': actorFeed('json'),
  'topics/[topic]/rss.xml': topicFeed('rss'),
  'topics/[topic]/feed.json': topicFeed('json'),
  '[...moved]': {
    all: (model) => movedViews(model).map((entry) => ({ ...entry, keyed: true })),
    one: (model, _context, { moved }) => movedViews(model).find((entry) => entry.params.moved === moved)?.view,
  } satisfies RouteViews<MovedView>,
  'data/[name].json': {
    // Open data is small next to the pages and changes with every edit: always written.
    all: (model, context) => (['briefings', 'actors', 'positions'] as const).map((name) => ({ params: { name }, view: openDataView(model, context, name), keyed: false })),
    one: (model, context, { name }) => openDataView(model, context, name as OpenDataName),
  } satisfies RouteViews<OpenDataView>,
};

/** Routes with one path each, by their file under src/pages. */
export const singleRoutes = {
  index: homePageView,
  '404': notFoundPageView,
  'briefings/index': briefingsPageView,
  'actors/index': actorsPageView,
  'topics/index': topicsPageView,
  'positions/index': stanceGridView,
  'corrections/index': correctionsPageView,
  'corrections/rss.xml': (model, context) => correctionsFeedView(model, context, 'rss'),
  'corrections/feed.json': (model, context) => correctionsFeedView(model, context, 'json'),
  'rss.xml': briefingFeedView,
  'feed.json': briefingFeedView,
} satisfies Record<string, (model: SiteModel, context: BuildContext) => unknown>;

/** Routes that show nothing of the model, only the build context. */
export const contextOnlyRoutes = ['search', 'robots.txt', 'data/schemas/[name].schema.json'] as const;

export type DynamicRoute = keyof typeof dynamicRoutes;
export type SingleRoute = keyof typeof singleRoutes;
export type ViewOf<R extends DynamicRoute> = NonNullable<ReturnType<(typeof dynamicRoutes)[R]['one']>>;
export type SingleViewOf<R extends SingleRoute> = ReturnType<(typeof singleRoutes)[R]>;
