/** Feed views as HTTP responses, for the feed endpoints in src/pages. */
import type { FeedView } from '../../views/feeds.ts';
import { jsonFeed, rssFeed } from './feeds.ts';

export const rssResponse = async (feed: FeedView): Promise<Response> =>
  new Response(await rssFeed(feed.meta, feed.items), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });

export const jsonFeedResponse = (feed: FeedView): Response =>
  new Response(jsonFeed(feed.meta, feed.items, feed.rssUrl), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
