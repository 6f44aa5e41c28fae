import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { generateJsonSchemas } from '../../src/cli/json-schemas.ts';
import { parseFrontmatterFile, parseYamlFile } from '../../src/pipeline/load/frontmatter.ts';
import { actorSchema } from '../../src/schemas/actor.ts';
import { briefingSchema } from '../../src/schemas/briefing.ts';
import { PROJECT_ROOT } from '../helpers/corpus.ts';

const generated = generateJsonSchemas();
const committed = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const jsonOf = (name: 'actor' | 'briefing') => JSON.parse(committed(`schemas/${name}.schema.json`)) as Record<string, unknown>;

/** Frontmatter of every file in `<dir>/actors` or `<dir>/briefings`. */
function frontmatters(dir: string, kind: 'actors' | 'briefings') {
  const folder = path.join(PROJECT_ROOT, dir, kind);
  return readdirSync(folder)
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => ({ name: `${dir}/${kind}/${name}`, data: parseFrontmatterFile(readFileSync(path.join(folder, name), 'utf8')).data }));
}

describe('schemas/*.schema.json', () => {
  test('are exactly what `npm run schemas` generates from the Zod schemas now (run it after changing src/schemas)', () => {
    expect(generated.map((s) => s.file)).toEqual(['schemas/actor.schema.json', 'schemas/briefing.schema.json', 'schemas/site.schema.json']);
    for (const schema of generated) expect(committed(schema.file), `${schema.file} is stale: run npm run schemas`).toBe(schema.text);
  });

  test('carry the JSDoc of every field as its description, for editor hovers', () => {
    const undocumented: string[] = [];
    const walk = (node: Record<string, unknown>, where: string) => {
      const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [key, property] of Object.entries(properties ?? {})) {
        if (typeof property.description !== 'string' || !property.description) undocumented.push(`${where}.${key}`);
        walk(property, `${where}.${key}`);
      }
      if (node.items) walk(node.items as Record<string, unknown>, `${where}[]`);
    };
    walk(jsonOf('actor'), 'actor');
    walk(jsonOf('briefing'), 'briefing');
    expect(undocumented).toEqual([]);
    const briefing = jsonOf('briefing') as { properties: Record<string, { description: string }> };
    expect(briefing.properties.draft!.description).toBe('Drafts show in `astro dev` only and leave no trace in the built site.');
  });

  test('are the ones .vscode/settings.json gives the YAML extension, for *.briefing.yaml and *.actor.yaml', () => {
    const settings = JSON.parse(committed('.vscode/settings.json')) as { 'yaml.schemas': Record<string, string[]> };
    expect(settings['yaml.schemas']).toEqual({
      './schemas/briefing.schema.json': ['**/*.briefing.yaml', '**/*.briefing.yml'],
      './schemas/actor.schema.json': ['**/*.actor.yaml', '**/*.actor.yml'],
    });
    for (const file of Object.keys(settings['yaml.schemas'])) expect(generated.map((g) => `./${g.file}`)).toContain(file);
  });

  test('are strict and say what the refinements check: dates, http(s) links, bidi controls', () => {
    const briefing = jsonOf('briefing') as { additionalProperties: boolean; required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(briefing.additionalProperties).toBe(false);
    expect(briefing.required).toEqual(['title', 'summary', 'date']);
    expect(briefing.properties.date).toMatchObject({ type: 'string', format: 'date' });
    expect(briefing.properties.title!.pattern).toBe('^[^\\u202A-\\u202E\\u2066-\\u2069]*$');
    expect(jsonOf('actor').$schema).toBe('http://json-schema.org/draft-07/schema#');
  });
});

// ajv is not among this project's packages, so the schemas are read back with
// Zod's own JSON Schema reader (z.fromJSONSchema): that exercises the JSON files
// themselves, not the Zod schemas they came from.
describe('the example content against the JSON Schemas', () => {
  const actorJson = z.fromJSONSchema(jsonOf('actor') as never);
  const briefingJson = z.fromJSONSchema(jsonOf('briefing') as never);

  test.each([
    ...frontmatters('content', 'actors').map((f) => ['actor', f] as const),
    ...frontmatters('tests/fixtures/basic/content', 'actors').map((f) => ['actor', f] as const),
    ...frontmatters('content', 'briefings').map((f) => ['briefing', f] as const),
    ...frontmatters('tests/fixtures/basic/content', 'briefings').map((f) => ['briefing', f] as const),
  ].map(([kind, f]) => [f.name, kind, f.data] as const))('%s validates', (_, kind, data) => {
    const result = (kind === 'actor' ? actorJson : briefingJson).safeParse(data);
    expect(result.error?.issues ?? []).toEqual([]);
    // …as it does against the Zod schema the checker uses.
    expect((kind === 'actor' ? actorSchema : briefingSchema).safeParse(data).success).toBe(true);
  });

  test.each([
    ['an unknown field', { sumary: 'x' }],
    ['an impossible date', { date: '2022-02-30' }],
    ['a date in another format', { date: '30.01.2022' }],
    ['a bidi control in the title', { title: 'Talks \u202Eseklat' }],
    ['a javascript: link', { sources: [{ id: 'a', title: 'T', publisher: 'P', url: 'javascript:alert(1)' }] }],
    ['an id that is not a slug', { topics: ['Not A Slug'] }],
    ['a position with no source', { positions: [{ id: 'p', actor: 'a', stance: 'S', sources: [] }] }],
  ])('a briefing with %s is refused by both', (_, change) => {
    const data = { title: 'Title', summary: 'Summary.', date: '2022-01-10', ...change };
    expect(briefingJson.safeParse(data).success).toBe(false);
    expect(briefingSchema.safeParse(data).success).toBe(false);
  });

  test('an actor with a bidi control in an alias or a lower-case country is refused by both', () => {
    for (const change of [{ aliases: ['E. \u2066Evans'] }, { country: 'ru' }, { kind: 'people' }]) {
      const data = { name: 'Eve Evans', kind: 'person', ...change };
      expect(actorJson.safeParse(data).success).toBe(false);
      expect(actorSchema.safeParse(data).success).toBe(false);
    }
  });
});

describe('schemas/site.schema.json', () => {
  const siteJson = z.fromJSONSchema(JSON.parse(committed('schemas/site.schema.json')) as never);
  const yamlOf = (file: string) => parseYamlFile(committed(file)).data;

  test.each(['content/site.yaml', 'tests/fixtures/publication/site.yaml'])('%s validates, and names the schema on its first line for the YAML language server', (file) => {
    expect(siteJson.safeParse(yamlOf(file)).error?.issues ?? []).toEqual([]);
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(committed(file))![1]!;
    expect(path.resolve(PROJECT_ROOT, path.dirname(file), modeline)).toBe(path.join(PROJECT_ROOT, 'schemas/site.schema.json'));
  });

  test('refuses a misspelt key and a colour that is not #rrggbb, as an editor would underline them', () => {
    expect(siteJson.safeParse({ name: 'Desk', tagine: 'x' }).success).toBe(false);
    expect(siteJson.safeParse({ accent: 'red' }).success).toBe(false);
    expect(siteJson.safeParse({ accent: { light: '#1f5c3a', dark: '#7fd0a0' } }).success).toBe(true);
  });
});
