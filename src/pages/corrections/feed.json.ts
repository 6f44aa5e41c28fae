import type { APIRoute } from 'astro';
import { jsonFeedResponse } from '../../pipeline/emit/feed-responses.ts';
import { pageView } from '../../views/page-views.ts';

export const GET: APIRoute = () => jsonFeedResponse(pageView('corrections/feed.json'));
