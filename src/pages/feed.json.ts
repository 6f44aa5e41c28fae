import type { APIRoute } from 'astro';
import { briefingFeed } from '../lib/site-feeds.ts';
import { jsonFeed } from '../lib/feeds.ts';
import { absolute } from '../lib/page-data.ts';

export const GET: APIRoute = ({ site }) => {
  const { meta, items } = briefingFeed(site);
  return new Response(jsonFeed(meta, items, absolute('/rss.xml', site)), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
