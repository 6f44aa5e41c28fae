/**
 * `npm run schemas`: writes schemas/actor.schema.json, schemas/briefing.schema.json and schemas/site.schema.json
 * from the Zod schemas in src/schemas/. `npm run schemas -- --check` only compares
 * and exits 1 when a committed file is out of date. It also writes the editor's copies
 * in .astro/collections/ (src/cli/editor-intellisense.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INTELLISENSE_DIR, writeIntellisenseFiles } from '../src/cli/editor-intellisense.ts';
import { generateJsonSchemas } from '../src/cli/json-schemas.ts';
import { contentDirFor } from '../src/config/settings.ts';

const root = path.resolve(import.meta.dirname, '..');
const checkOnly = process.argv.includes('--check');
let stale = 0;
for (const schema of generateJsonSchemas()) {
  const target = path.join(root, schema.file);
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === schema.text) {
    console.log(`${schema.file} is up to date`);
    continue;
  }
  if (checkOnly) {
    console.error(`${schema.file} is out of date: run npm run schemas`);
    stale++;
    continue;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, schema.text);
  console.log(`wrote ${schema.file}`);
}
// And the copies the Astro language server reads, with the list of content files (see
// src/cli/editor-intellisense.ts): frontmatter completion and errors in the editor.
if (!checkOnly && writeIntellisenseFiles(root, contentDirFor(root))) console.log(`wrote ${INTELLISENSE_DIR}/ for the editor`);
process.exitCode = stale ? 1 : 0;
