import type { APIRoute, GetStaticPaths } from 'astro';
import type { OpenDataView } from '../../views/open-data.ts';
import { currentView, staticPaths } from '../../views/page-views.ts';

export const getStaticPaths = (() => staticPaths('data/[name].json')) satisfies GetStaticPaths;

export const GET: APIRoute<OpenDataView> = ({ params, props }) =>
  new Response(`${JSON.stringify(currentView('data/[name].json', params, props), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
