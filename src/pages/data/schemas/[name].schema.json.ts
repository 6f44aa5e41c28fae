import type { APIRoute, GetStaticPaths } from 'astro';
import { z } from 'zod';
import { openDataFiles, type OpenDataName } from '../../../schemas/open-data.ts';

export const getStaticPaths = (() => Object.keys(openDataFiles).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const schema = z.toJSONSchema(openDataFiles[params.name as OpenDataName], { target: 'draft-2020-12' });
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
};
