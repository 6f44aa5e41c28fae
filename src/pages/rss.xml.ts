import type { APIRoute } from 'astro';
import { briefingFeed } from '../lib/site-feeds.ts';
import { rssFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const { meta, items } = briefingFeed(site);
  return new Response(await rssFeed(meta, items), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
