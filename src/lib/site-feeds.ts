/** The site's feeds, as feed items built from the resolved site. */
import type { FeedItem, FeedMeta } from './feeds.ts';
import { absolute, site } from './page-data.ts';
import { SITE_NAME, SITE_TAGLINE } from './site-config.ts';
import { routes } from './urls.ts';

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
