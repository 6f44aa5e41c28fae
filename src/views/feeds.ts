/**
 * The site's feeds as views: one list of items that the RSS and JSON Feed
 * serialisers (pipeline/emit/feeds.ts) both write, so the formats always agree.
 */
import type { BuildContext } from '../pipeline/build-handoff.ts';
import type { FeedItem, FeedMeta, FeedPublication } from '../pipeline/emit/feeds.ts';
import type { Actor, Position, SiteModel, Topic } from '../pipeline/model.ts';
import { absoluteIn, brandPaths, feedPaths, routes } from '../routes.ts';
import { topicLabel } from '../util/format.ts';

export interface FeedView {
  meta: FeedMeta;
  items: FeedItem[];
  /** Absolute URL of the RSS twin, which a JSON feed names. */
  rssUrl: string;
}

export type FeedFormat = 'rss' | 'json';

/**
 * Feeds carry the latest items only: a reader polls them for what is new, and a
 * feed of the whole archive would grow with every briefing (at 10,000 briefings,
 * megabytes fetched on every poll). The archive is on the site, by month.
 */
export const FEED_ITEMS = 50;

/** What every feed says of the publication: its language, icons and licence. */
export function feedPublication(context: BuildContext): FeedPublication {
  const abs = absoluteIn(context);
  const { language, license } = context.publication;
  return {
    language,
    iconUrl: abs(brandPaths.icon512()),
    faviconUrl: abs(brandPaths.favicon32()),
    ...(license ? { license: `${context.publication.name}, ${license.id ?? license.url}` } : {}),
  };
}

export function briefingFeedView(model: SiteModel, context: BuildContext): FeedView {
  const abs = absoluteIn(context);
  return {
    meta: {
      title: context.publication.name,
      description: context.publication.tagline,
      homeUrl: abs(routes.home()),
      feedUrl: abs(feedPaths.json()),
      publication: feedPublication(context),
    },
    // A withdrawn item is no news: feeds leave it out (its page says why).
    items: model.briefings.filter((b) => !b.withdrawn).slice(0, FEED_ITEMS).map((b) => ({
      url: abs(routes.briefing(b.slug)),
      title: b.title,
      summary: b.summary,
      date: b.date,
      updated: b.updated,
      authors: b.authors,
      categories: b.topics,
    })),
    rssUrl: abs(feedPaths.rss()),
  };
}

/** One feed item per position, newest first: what an actor or topic follower wants. */
function positionItems(model: SiteModel, positions: Position[], abs: (sitePath: string) => string): FeedItem[] {
  return positions.filter((p) => !p.withdrawn).slice(0, FEED_ITEMS).map((p) => {
    const actor = model.actorById.get(p.actorId)!;
    const briefing = model.briefingBySlug.get(p.briefingSlug)!;
    return {
      url: abs(routes.position(p.id)),
      title: `${actor.name}: ${p.stance}`,
      summary: p.quote
        ? `“${p.quote}”${p.translation ? ` (translation: “${p.translation}”)` : ''} (${actor.name}${p.role ? `, ${p.role}` : ''}). From “${briefing.title}”.`
        : `${p.stance} From “${briefing.title}”.`,
      date: p.date,
      authors: briefing.authors,
      categories: p.topic ? [p.topic] : [],
    };
  });
}

/** A feed of the positions belonging to one page (an actor's or a topic's). */
function pageFeedView(model: SiteModel, context: BuildContext, page: string, about: string, positions: Position[], format: FeedFormat): FeedView {
  const abs = absoluteIn(context);
  const site = context.publication.name;
  return {
    meta: {
      title: `${about} · ${site}`,
      description: `Every position ${page.startsWith(routes.topics()) ? 'on ' : 'of '}${about} recorded in ${site}, newest first.`,
      homeUrl: abs(page),
      feedUrl: abs(format === 'rss' ? feedPaths.pageRss(page) : feedPaths.pageJson(page)),
      publication: feedPublication(context),
    },
    items: positionItems(model, positions, abs),
    rssUrl: abs(feedPaths.pageRss(page)),
  };
}

export const actorFeedView = (model: SiteModel, context: BuildContext, actor: Actor, format: FeedFormat): FeedView =>
  pageFeedView(model, context, routes.actor(actor.id), actor.name, model.positionsByActor.get(actor.id) ?? [], format);

export const topicFeedView = (model: SiteModel, context: BuildContext, topic: Topic, format: FeedFormat): FeedView =>
  pageFeedView(model, context, routes.topic(topic.slug), topicLabel(topic.slug), topic.positions, format);
