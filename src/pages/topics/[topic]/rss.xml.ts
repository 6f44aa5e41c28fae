import type { APIRoute, GetStaticPaths } from 'astro';
import { rssFeed } from '../../../lib/feeds.ts';
import type { TopicSlug } from '../../../lib/model.ts';
import { site } from '../../../lib/page-data.ts';
import { topicFeed } from '../../../lib/site-feeds.ts';

export const getStaticPaths = (() => site().topics.map((t) => ({ params: { topic: t.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const { meta, items } = topicFeed(params.topic as TopicSlug, siteUrl, 'rss');
  return new Response(await rssFeed(meta, items), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
