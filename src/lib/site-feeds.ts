/** The site's feeds, as feed items built from the resolved site. */
import type { FeedItem, FeedMeta } from './feeds.ts';
import { absolute, site } from './page-data.ts';
import { SITE_NAME, SITE_TAGLINE } from './site-config.ts';
import { routes } from './urls.ts';
import type { ActorId, Position, TopicSlug } from './model.ts';
import { topicLabel } from './format.ts';

export function briefingFeed(siteUrl: URL | undefined): { meta: FeedMeta; items: FeedItem[] } {
  const model = site();
  return {
    meta: {
      title: SITE_NAME,
      description: SITE_TAGLINE,
      homeUrl: absolute(routes.home(), siteUrl),
      feedUrl: absolute('/feed.json', siteUrl),
    },
    items: model.briefings.map((b) => ({
      url: absolute(routes.briefing(b.slug), siteUrl),
      title: b.title,
      summary: b.summary,
      date: b.date,
      updated: b.updated,
      authors: b.authors,
      categories: b.topics,
    })),
  };
}

/** One feed item per position, newest first: what an actor or topic follower wants. */
function positionItems(positions: Position[], siteUrl: URL | undefined): FeedItem[] {
  const model = site();
  return positions.map((p) => {
    const actor = model.actorById.get(p.actorId)!;
    const briefing = model.briefingBySlug.get(p.briefingSlug)!;
    return {
      url: absolute(routes.position(p.id), siteUrl),
      title: `${actor.name}: ${p.stance}`,
      summary: p.quote ? `“${p.quote}” (${actor.name}${p.role ? `, ${p.role}` : ''}). From “${briefing.title}”.` : `${p.stance} From “${briefing.title}”.`,
      date: p.date,
      authors: briefing.authors,
      categories: p.topic ? [p.topic] : [],
    };
  });
}

/** A feed of positions belonging to one page (an actor's or a topic's). */
function pageFeed(
  page: string,
  name: string,
  positions: Position[],
  siteUrl: URL | undefined,
  format: 'rss' | 'json',
): { meta: FeedMeta; items: FeedItem[] } {
  return {
    meta: {
      title: `${name} · ${SITE_NAME}`,
      description: `Every position ${page.startsWith('/topics/') ? 'on ' : 'of '}${name} recorded in ${SITE_NAME}, newest first.`,
      homeUrl: absolute(page, siteUrl),
      feedUrl: absolute(`${page}${format === 'rss' ? 'rss.xml' : 'feed.json'}`, siteUrl),
    },
    items: positionItems(positions, siteUrl),
  };
}

export function actorFeed(actorId: ActorId, siteUrl: URL | undefined, format: 'rss' | 'json') {
  const model = site();
  return pageFeed(routes.actor(actorId), model.actorById.get(actorId)!.name, model.positionsByActor.get(actorId) ?? [], siteUrl, format);
}

export function topicFeed(slug: TopicSlug, siteUrl: URL | undefined, format: 'rss' | 'json') {
  return pageFeed(routes.topic(slug), topicLabel(slug), site().topicBySlug.get(slug)!.positions, siteUrl, format);
}
