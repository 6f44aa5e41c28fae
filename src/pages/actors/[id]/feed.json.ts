import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonFeed } from '../../../lib/feeds.ts';
import type { ActorId } from '../../../lib/model.ts';
import { absolute, site } from '../../../lib/page-data.ts';
import { actorFeed } from '../../../lib/site-feeds.ts';
import { actorFeedKey } from '../../../lib/pages/actor-page.ts';
import { routes } from '../../../lib/urls.ts';

export const getStaticPaths = (() => {
  const model = site();
  return model.actors.map((a) => ({ params: { id: a.id }, cacheKey: actorFeedKey(model, a) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site: siteUrl }) => {
  const id = params.id as ActorId;
  const { meta, items } = actorFeed(id, siteUrl, 'json');
  return new Response(jsonFeed(meta, items, absolute(`${routes.actor(id)}rss.xml`, siteUrl)), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
