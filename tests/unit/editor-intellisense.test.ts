/**
 * Frontmatter in the editor (issue 17): the Astro language server, which the Astro
 * VS Code extension runs, validates, completes and documents the frontmatter of every
 * content file listed in .astro/collections/ against our JSON Schemas. Proven here by
 * running that language server headless, as VS Code would, on files with mistakes.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { entryKey, INTELLISENSE_DIR, intellisenseFiles, writeIntellisenseFiles } from '../../src/cli/editor-intellisense.ts';
import { PROJECT_ROOT } from '../helpers/corpus.ts';
import { startLanguageServer, type LspClient } from '../helpers/lsp.ts';
import { positionOf } from '../helpers/text.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** A project-like folder (the editor's workspace) with the basic fixture as its content. */
function workspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'briefing-workspace-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  cpSync(path.join(PROJECT_ROOT, 'tests/fixtures/basic/content'), path.join(root, 'content'), { recursive: true });
  return root;
}

const collectionsOf = (root: string) =>
  JSON.parse(readFileSync(path.join(root, INTELLISENSE_DIR, 'collections.json'), 'utf8')) as { collections: { name: string; hasSchema: boolean }[]; entries: Record<string, string> };

describe('writeIntellisenseFiles', () => {
  test('maps every briefing and actor, drafts included, to its collection, and copies the committed JSON Schemas', () => {
    const root = workspace();
    expect(writeIntellisenseFiles(root, path.join(root, 'content'))).toBe(true);
    const { collections, entries } = collectionsOf(root);
    expect(collections).toEqual([{ hasSchema: true, name: 'briefings' }, { hasSchema: true, name: 'actors' }]);
    const file = (relative: string) => entryKey(path.join(root, 'content', relative));
    expect(entries).toEqual({
      [file('briefings/first-talks.mdx')]: 'briefings',
      [file('briefings/second-round.md')]: 'briefings',
      [file('briefings/secret-plan.mdx')]: 'briefings',
      [file('actors/alice-adams.md')]: 'actors',
      [file('actors/bob-brown.md')]: 'actors',
      [file('actors/freedonia.md')]: 'actors',
      [file('actors/quiet-org.md')]: 'actors',
    });
    for (const [name, schema] of [['briefings', 'briefing'], ['actors', 'actor']]) {
      expect(readFileSync(path.join(root, INTELLISENSE_DIR, `${name}.schema.json`), 'utf8')).toBe(readFileSync(path.join(PROJECT_ROOT, `schemas/${schema}.schema.json`), 'utf8'));
    }
  });

  test('follows a rename: the old name is gone, the new one listed (nothing is kept from an earlier run)', () => {
    const root = workspace();
    const content = path.join(root, 'content');
    writeIntellisenseFiles(root, content);
    renameSync(path.join(content, 'briefings/second-round.md'), path.join(content, 'briefings/second-round-talks.mdx'));
    writeIntellisenseFiles(root, content);
    const { entries } = collectionsOf(root);
    expect(entries[entryKey(path.join(content, 'briefings/second-round-talks.mdx'))]).toBe('briefings');
    expect(entries[entryKey(path.join(content, 'briefings/second-round.md'))]).toBeUndefined();
  });

  test('leaves unchanged files alone (the language server reloads on every change)', async () => {
    const root = workspace();
    writeIntellisenseFiles(root, path.join(root, 'content'));
    const file = path.join(root, INTELLISENSE_DIR, 'collections.json');
    const before = statSync(file).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeIntellisenseFiles(root, path.join(root, 'content'));
    expect(statSync(file).mtimeMs).toBe(before);
  });

  test('writes nothing for a content folder outside the project, such as a test corpus', () => {
    const root = workspace();
    const elsewhere = workspace();
    expect(writeIntellisenseFiles(root, path.join(elsewhere, 'content'))).toBe(false);
    expect(existsSync(path.join(root, INTELLISENSE_DIR))).toBe(false);
  });

  test('lists no file that is not content (dot and underscore files, other extensions)', () => {
    const root = workspace();
    cpSync(path.join(root, 'content/briefings/first-talks.mdx'), path.join(root, 'content/briefings/_template.mdx'));
    cpSync(path.join(root, 'content/actors/bob-brown.md'), path.join(root, 'content/actors/notes.txt'));
    const entries = JSON.parse(intellisenseFiles(path.join(root, 'content')).get(`${INTELLISENSE_DIR}/collections.json`)!) as { entries: Record<string, string> };
    expect(Object.keys(entries.entries).filter((key) => key.includes('_template') || key.includes('notes.txt'))).toEqual([]);
  });

  test('.vscode/settings.json turns the Astro extension\'s content intellisense on', () => {
    const settings = JSON.parse(readFileSync(path.join(PROJECT_ROOT, '.vscode/settings.json'), 'utf8')) as Record<string, unknown>;
    expect(settings['astro.content-intellisense']).toBe(true);
    const extensions = JSON.parse(readFileSync(path.join(PROJECT_ROOT, '.vscode/extensions.json'), 'utf8')) as { recommendations: string[] };
    expect(extensions.recommendations).toContain('astro-build.astro-vscode');
  });
});

// ---------------------------------------------------------------------------

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type LspDiagnostic = { range: Range; message: string; severity: number };

describe('the Astro language server, headless, on content files (what VS Code shows)', () => {
  let root: string;
  let server: LspClient;
  let version = 0;

  /** Opens `relative` with `text` as an editor buffer and returns what the server reports for it. */
  const open = async (relative: string, text: string) => {
    const uri = pathToFileURL(path.join(root, 'content', relative)).href;
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: relative.endsWith('.mdx') ? 'mdx' : 'markdown', version: ++version, text } });
    const report = await server.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return { uri, diagnostics: report.items };
  };
  /** 0-based LSP position of the first character of `needle`. */
  const at = (text: string, needle: string) => {
    const { line, column } = positionOf(text, needle);
    return { line: line - 1, character: column - 1 };
  };

  beforeAll(async () => {
    root = workspace();
    writeIntellisenseFiles(root, path.join(root, 'content'));
    // As the Astro VS Code extension starts it, with `astro.content-intellisense` on.
    server = startLanguageServer(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/@astrojs/language-server/bin/nodeServer.js'), '--stdio'], root);
    const uri = pathToFileURL(root).href;
    await server.request('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'briefings' }],
      capabilities: {
        textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } } },
        workspace: { configuration: true, workspaceFolders: true },
      },
      initializationOptions: { typescript: { tsdk: path.join(PROJECT_ROOT, 'node_modules/typescript/lib') }, contentIntellisense: true },
    });
    server.notify('initialized', {});
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  test('a misspelt key in a briefing is an inline error at that key', async () => {
    const text = readFileSync(path.join(root, 'content/briefings/first-talks.mdx'), 'utf8').replace('summary:', 'sumary:');
    const { diagnostics } = await open('briefings/first-talks.mdx', text);
    const typo = diagnostics.find((d) => d.message.includes('sumary'));
    expect(typo, JSON.stringify(diagnostics, null, 2)).toBeDefined();
    expect(typo!.message).toBe('Property sumary is not allowed.');
    expect(typo!.severity).toBe(1);
    expect(typo!.range).toEqual({ start: at(text, 'sumary'), end: { ...at(text, 'sumary'), character: at(text, 'sumary').character + 'sumary'.length } });
    // And the field it was meant to be is missing.
    expect(diagnostics.map((d) => d.message)).toContain('Missing property "summary".');
  });

  test('a value outside an actor\'s allowed kinds is an inline error at the value', async () => {
    const text = readFileSync(path.join(root, 'content/actors/bob-brown.md'), 'utf8').replace(/^kind: .*$/m, 'kind: persn');
    const { diagnostics } = await open('actors/bob-brown.md', text);
    const kind = diagnostics.find((d) => d.range.start.line === at(text, 'persn').line);
    expect(kind?.message, JSON.stringify(diagnostics, null, 2)).toMatch(/Value is not accepted\. Valid values: "person", "organization", "country"\./);
  });

  test('a correct file has no frontmatter error', async () => {
    const { diagnostics } = await open('briefings/second-round.md', readFileSync(path.join(root, 'content/briefings/second-round.md'), 'utf8'));
    expect(diagnostics).toEqual([]);
  });

  test('hover on a key shows its description, from the comment on the field in src/schemas/', async () => {
    const text = readFileSync(path.join(root, 'content/briefings/first-talks.mdx'), 'utf8');
    const { uri } = await open('briefings/first-talks.mdx', text);
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: at(text, 'date:') });
    const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/briefing.schema.json'), 'utf8')) as { properties: Record<string, { description: string }> };
    expect(hover.contents.value).toContain(schema.properties.date!.description);
    expect(readFileSync(path.join(PROJECT_ROOT, 'src/schemas/briefing.ts'), 'utf8')).toContain(schema.properties.date!.description);
  });

  test('completion on an empty line offers the fields not yet written', async () => {
    const text = readFileSync(path.join(root, 'content/briefings/second-round.md'), 'utf8').replace('topics:', '\ntopics:');
    const { uri } = await open('briefings/second-round.md', text);
    const position = { line: at(text, 'topics:').line - 1, character: 0 };
    const completion = await server.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position });
    const labels = (Array.isArray(completion) ? completion : completion.items).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['authors', 'actors', 'draft', 'corrections']));
    // Fields already there are not offered again.
    expect(labels).not.toContain('title');
  });

  test('without the files in .astro/collections/ the same mistake goes unseen: they are what turns it on', async () => {
    const bare = workspace();
    const other = startLanguageServer(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/@astrojs/language-server/bin/nodeServer.js'), '--stdio'], bare);
    cleanups.push(() => void other.close());
    const uri = pathToFileURL(bare).href;
    await other.request('initialize', {
      processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bare' }],
      capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } },
      initializationOptions: { typescript: { tsdk: path.join(PROJECT_ROOT, 'node_modules/typescript/lib') }, contentIntellisense: true },
    });
    other.notify('initialized', {});
    const file = pathToFileURL(path.join(bare, 'content/briefings/first-talks.mdx')).href;
    const text = readFileSync(path.join(bare, 'content/briefings/first-talks.mdx'), 'utf8').replace('summary:', 'sumary:');
    other.notify('textDocument/didOpen', { textDocument: { uri: file, languageId: 'mdx', version: 1, text } });
    const report = await other.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: file } });
    expect(report.items.filter((d) => d.message.includes('sumary'))).toEqual([]);
    await other.close();
  }, 60_000);
});
