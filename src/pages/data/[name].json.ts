import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute, site } from '../../lib/page-data.ts';
import { openActors, openBriefings, openPositions } from '../../lib/open-data.ts';
import type { OpenDataName } from '../../schemas/open-data.ts';

const builders = { briefings: openBriefings, actors: openActors, positions: openPositions } as const;

export const getStaticPaths = (() => Object.keys(builders).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site: siteUrl }) => {
  const name = params.name as OpenDataName;
  const abs = (p: string) => absolute(p, siteUrl);
  const body = { $schema: abs(`/data/schemas/${name}.schema.json`), [name]: builders[name](site(), abs) };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
