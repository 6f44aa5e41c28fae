import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonFeedResponse } from '../../../pipeline/emit/feed-responses.ts';
import type { FeedView } from '../../../views/feeds.ts';
import { currentView, staticPaths } from '../../../views/page-views.ts';

export const getStaticPaths = (() => staticPaths('actors/[id]/feed.json')) satisfies GetStaticPaths;

export const GET: APIRoute<FeedView> = ({ params, props }) => jsonFeedResponse(currentView('actors/[id]/feed.json', params, props));
