import type { APIRoute, GetStaticPaths } from 'astro';
import { rssFeed } from '../../../lib/feeds.ts';
import type { ActorId } from '../../../lib/model.ts';
import { site } from '../../../lib/page-data.ts';
import { actorFeed } from '../../../lib/site-feeds.ts';
import { actorFeedKey } from '../../../lib/pages/actor-page.ts';

export const getStaticPaths = (() => {
  const model = site();
  return model.actors.map((a) => ({ params: { id: a.id }, cacheKey: actorFeedKey(model, a) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const { meta, items } = actorFeed(params.id as ActorId, siteUrl, 'rss');
  return new Response(await rssFeed(meta, items), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
