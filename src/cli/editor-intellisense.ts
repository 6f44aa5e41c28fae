/**
 * Frontmatter completion, hover docs and inline errors in the editor, through the
 * Astro language server (the Astro VS Code extension runs it; other editors start
 * `astro-ls`). With its content intellisense on, the server reads
 * `.astro/collections/collections.json`, which maps content files to collection
 * names, and validates each mapped file's frontmatter with the YAML language server
 * against `.astro/collections/<name>.schema.json`.
 *
 * Astro writes those files only for content collections, which this project does
 * not declare: the content layer would load, cache and serve the same files a
 * second way (its own YAML parser, its own data store across runs), which is what
 * load/ exists to avoid (renames never poison a cache, drafts never reach a page).
 * So the files are written here, from the JSON Schemas `npm run schemas` generates
 * (schemas/*.schema.json, each field described from its comment in src/schemas/).
 * They are an editor's hint only: never read by the build, never published.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the Astro language server looks, relative to the workspace folder. */
export const INTELLISENSE_DIR = '.astro/collections';

/** The committed JSON Schemas, beside this code whatever folder the command runs in. */
const SCHEMAS_DIR = path.resolve(import.meta.dirname, '../../schemas');

const COLLECTIONS = [
  { name: 'briefings', folder: 'briefings', extensions: ['.md', '.mdx'], schema: 'briefing.schema.json' },
  { name: 'actors', folder: 'actors', extensions: ['.md'], schema: 'actor.schema.json' },
] as const;

/** The key the language server looks a file up by: its file URL, decoded and lower-cased. */
export const entryKey = (absolute: string) => decodeURIComponent(pathToFileURL(absolute).href).toLowerCase();

/** The files to write, by path relative to the project root. */
export function intellisenseFiles(contentDir: string): Map<string, string> {
  const entries: Record<string, string> = {};
  for (const collection of COLLECTIONS) {
    const dir = path.join(contentDir, collection.folder);
    const names = existsSync(dir) ? readdirSync(dir).sort() : [];
    for (const name of names) {
      if (!/^[._]/.test(name) && collection.extensions.some((ext) => name.endsWith(ext))) entries[entryKey(path.join(dir, name))] = collection.name;
    }
  }
  const files = new Map<string, string>();
  files.set(`${INTELLISENSE_DIR}/collections.json`, `${JSON.stringify({ collections: COLLECTIONS.map(({ name }) => ({ hasSchema: true, name })), entries }, null, 2)}\n`);
  for (const collection of COLLECTIONS) {
    files.set(`${INTELLISENSE_DIR}/${collection.name}.schema.json`, readFileSync(path.join(SCHEMAS_DIR, collection.schema), 'utf8'));
  }
  return files;
}

/**
 * Writes the language server's files for the project's content folder; returns false,
 * writing nothing, for a content folder outside the project (the editor's workspace),
 * such as the temporary corpora of the tests. Unchanged files are not rewritten (the
 * server reloads its project on every change), changed ones are replaced whole.
 */
export function writeIntellisenseFiles(root: string, contentDir: string): boolean {
  const relative = path.relative(root, contentDir);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  for (const [file, text] of intellisenseFiles(contentDir)) {
    const target = path.join(root, file);
    if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  }
  return true;
}
