import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonFeed } from '../../../lib/feeds.ts';
import type { TopicSlug } from '../../../lib/model.ts';
import { absolute, site } from '../../../lib/page-data.ts';
import { topicFeed } from '../../../lib/site-feeds.ts';
import { routes } from '../../../lib/urls.ts';

export const getStaticPaths = (() => site().topics.map((t) => ({ params: { topic: t.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site: siteUrl }) => {
  const slug = params.topic as TopicSlug;
  const { meta, items } = topicFeed(slug, siteUrl, 'json');
  return new Response(jsonFeed(meta, items, absolute(`${routes.topic(slug)}rss.xml`, siteUrl)), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
