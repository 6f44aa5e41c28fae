import type { APIRoute } from 'astro';
import { rssResponse } from '../../pipeline/emit/feed-responses.ts';
import { pageView } from '../../views/page-views.ts';

export const GET: APIRoute = () => rssResponse(pageView('corrections/rss.xml'));
