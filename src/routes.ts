/**
 * Every URL of the site in one place: pages, share cards, feeds and data. These
 * paths are the public contract: people link to them for years, so they only
 * ever gain new routes. Paths here are base-less; `withBase` adds the
 * deployment's BASE_PATH.
 */
import type { ActorId, BriefingSlug, Position, PositionId, TopicSlug } from './pipeline/model.ts';

export const routes = {
  home: () => '/',
  briefings: () => '/briefings/',
  briefing: (slug: BriefingSlug) => `/briefings/${slug}/`,
  /** The briefings dated in one month (`YYYY-MM`): a URL that always lists the same items, however large the site grows. */
  briefingsInMonth: (month: string) => `/briefings/${month.replace('-', '/')}/`,
  actors: () => '/actors/',
  actor: (id: ActorId) => `/actors/${id}/`,
  topics: () => '/topics/',
  topic: (slug: TopicSlug) => `/topics/${slug}/`,
  /** A topic's briefings and positions dated in one month (`YYYY-MM`). */
  topicInMonth: (slug: TopicSlug, month: string) => `/topics/${slug}/${month.replace('-', '/')}/`,
  positions: () => '/positions/',
  position: (id: PositionId) => `/positions/${id}/`,
  /** The permalink of a position: its entry on the actor's page. */
  positionOnActor: (position: Pick<Position, 'id' | 'actorId'>) => `/actors/${position.actorId}/#${position.id}`,
  positionInBriefing: (position: Pick<Position, 'id' | 'briefingSlug'>) => `/briefings/${position.briefingSlug}/#${position.id}`,
  sourceInBriefing: (slug: BriefingSlug, sourceId: string) => `/briefings/${slug}/#source-${sourceId}`,
  corrections: () => '/corrections/',
  search: () => '/search/',
  notFound: () => '/404/',
  sitemap: () => '/sitemap-index.xml',
};

/** Feeds: the site's briefings, and one item per position for an actor or a topic (`page` is its page's path). */
export const feedPaths = {
  rss: () => '/rss.xml',
  json: () => '/feed.json',
  pageRss: (page: string) => `${page}rss.xml`,
  pageJson: (page: string) => `${page}feed.json`,
};

/** The 1200×630 share card of each page that has one. */
export const cardPaths = {
  site: () => '/og.png',
  briefing: (slug: BriefingSlug) => `${routes.briefing(slug)}og.png`,
  actor: (id: ActorId) => `${routes.actor(id)}og.png`,
  position: (id: PositionId) => `${routes.position(id)}og.png`,
  briefings: () => `${routes.briefings()}og.png`,
  actors: () => `${routes.actors()}og.png`,
  topics: () => `${routes.topics()}og.png`,
  topic: (slug: TopicSlug) => `${routes.topic(slug)}og.png`,
};

/**
 * The publication's icons and brand files, made at build time from site.yaml
 * (pipeline/emit/brand-files.ts). `/favicon.ico` is where every browser looks first.
 */
export const brandPaths = {
  faviconIco: () => '/favicon.ico',
  faviconSvg: () => '/favicon.svg',
  favicon32: () => '/favicon-32.png',
  appleTouchIcon: () => '/apple-touch-icon.png',
  /** Square, 512 px: the JSON Feed icon and the logo in structured data. */
  icon512: () => '/icon-512.png',
  logo: (ext: 'svg' | 'png') => `/brand/logo.${ext}`,
  /** The accent colour of site.yaml, as a stylesheet (no inline styles: see the CSP in emit/host-files.ts). */
  accentCss: () => '/brand/accent.css',
};

/** Open data and its JSON Schemas. */
export const dataPaths = {
  file: (name: string) => `/data/${name}.json`,
  schema: (name: string) => `/data/schemas/${name}.schema.json`,
};

/** Joins a base path such as "/desk" or "/desk/" with a site path such as "/actors/". */
export function withBase(sitePath: string, base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${sitePath.startsWith('/') ? sitePath : `/${sitePath}`}`;
}

/** An absolute URL for feeds, canonical links and share images. */
export function absoluteUrl(sitePath: string, site: string | URL, base: string): string {
  return new URL(withBase(sitePath, base), site).href;
}

/** `absoluteUrl` for one deployment: its public origin and base path. */
export const absoluteIn = ({ siteUrl, base }: { siteUrl: string; base: string }) => (sitePath: string): string => absoluteUrl(sitePath, siteUrl, base);
