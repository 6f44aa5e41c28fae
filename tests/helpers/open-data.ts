import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { BuildResult } from './build.ts';

/** A built open-data file and whether it validates against the JSON Schema the site publishes beside it. */
export function openData(site: BuildResult, name: string): { data: Record<string, unknown[]>; errors: unknown[] } {
  const schema = JSON.parse(site.file(`/data/schemas/${name}.schema.json`).toString('utf8'));
  const data = JSON.parse(site.file(`/data/${name}.json`).toString('utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  validate(data);
  return { data, errors: validate.errors ?? [] };
}
