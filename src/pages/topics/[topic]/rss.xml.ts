import type { APIRoute, GetStaticPaths } from 'astro';
import { rssResponse } from '../../../pipeline/emit/feed-responses.ts';
import type { FeedView } from '../../../views/feeds.ts';
import { currentView, staticPaths } from '../../../views/page-views.ts';

export const getStaticPaths = (() => staticPaths('topics/[topic]/rss.xml')) satisfies GetStaticPaths;

export const GET: APIRoute<FeedView> = ({ params, props }) => rssResponse(currentView('topics/[topic]/rss.xml', params, props));
