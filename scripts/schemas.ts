/**
 * `npm run schemas`: writes schemas/actor.schema.json, schemas/briefing.schema.json and schemas/site.schema.json
 * from the Zod schemas in src/schemas/. `npm run schemas -- --check` only compares
 * and exits 1 when a committed file is out of date. It also writes the editor's copies
 * in .astro/collections/ (src/cli/editor-intellisense.ts).
 */
import path from 'node:path';
import { INTELLISENSE_DIR, writeIntellisenseFiles } from '../src/cli/editor-intellisense.ts';
import { updateGeneratedFile } from '../src/cli/generated-file.ts';
import { generateJsonSchemas } from '../src/cli/json-schemas.ts';
import { contentDirFor } from '../src/config/settings.ts';

const root = path.resolve(import.meta.dirname, '..');
const checkOnly = process.argv.includes('--check');
let stale = 0;
for (const schema of generateJsonSchemas()) {
  if (!updateGeneratedFile({ file: path.join(root, schema.file), shownAs: schema.file, contents: schema.text }, { checkOnly, command: 'npm run schemas' })) stale++;
}
// And the copies the Astro language server reads, with the list of content files (see
// src/cli/editor-intellisense.ts): frontmatter completion and errors in the editor.
if (!checkOnly && writeIntellisenseFiles(root, contentDirFor(root))) console.log(`wrote ${INTELLISENSE_DIR}/ for the editor`);
process.exitCode = stale ? 1 : 0;
