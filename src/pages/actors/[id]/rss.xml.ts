import type { APIRoute, GetStaticPaths } from 'astro';
import { rssFeed } from '../../../lib/feeds.ts';
import type { ActorId } from '../../../lib/model.ts';
import { site } from '../../../lib/page-data.ts';
import { actorFeed } from '../../../lib/site-feeds.ts';

export const getStaticPaths = (() => site().actors.map((a) => ({ params: { id: a.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const { meta, items } = actorFeed(params.id as ActorId, siteUrl, 'rss');
  return new Response(await rssFeed(meta, items), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
