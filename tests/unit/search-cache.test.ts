/**
 * The search-bundle cache (pipeline/emit/search-cache.ts) and the plan of bundles
 * (search-bundles.ts), without Pagefind: a bundle is any folder of files here.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { SiteModel } from '../../src/pipeline/model.ts';
import { planSearchBundles } from '../../src/pipeline/emit/search-bundles.ts';
import { bundleKey, openSearchCache, pageFiles, searchablePages } from '../../src/pipeline/emit/search-cache.ts';

const temporary: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'search-cache-'));
  temporary.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function writeTree(dir: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}
const readTree = (dir: string, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? Object.entries(readTree(dir, relative)) : [[relative, readFileSync(path.join(dir, relative), 'utf8')]];
    }),
  );

const BUILT = { 'pagefind-entry.json': '{"languages":{}}', 'fragment/en_1.pf_fragment': 'one', 'index/en_2.pf_index': 'two' };

describe('openSearchCache', () => {
  test('a stored bundle is restored file for file, and only under its own key', () => {
    const root = tempDir();
    const built = path.join(tempDir(), 'pagefind');
    writeTree(built, BUILT);
    openSearchCache(root).store('pagefind', 'k1', built);

    const target = path.join(tempDir(), 'out', 'pagefind');
    const cache = openSearchCache(root);
    expect(cache.restore('pagefind', 'k2', target)).toBe(false);
    expect(cache.restore('pagefind', 'k1', target)).toBe(true);
    expect(readTree(target)).toEqual(BUILT);
  });

  test.each([
    ['a file cut short', (entry: string) => truncateSync(path.join(entry, 'fragment/en_1.pf_fragment'), 1)],
    ['a file emptied', (entry: string) => writeFileSync(path.join(entry, 'index/en_2.pf_index'), '')],
    ['a file altered, same length', (entry: string) => writeFileSync(path.join(entry, 'index/en_2.pf_index'), 'tw0')],
    ['a file deleted', (entry: string) => rmSync(path.join(entry, 'pagefind-entry.json'))],
    ['the manifest cut in half', (entry: string) => truncateSync(path.join(entry, 'manifest.json'), Math.floor(readFileSync(path.join(entry, 'manifest.json')).length / 2))],
    ['the manifest deleted', (entry: string) => rmSync(path.join(entry, 'manifest.json'))],
  ])('an entry with %s is not restored, and nothing is published from it', (_, damage) => {
    const root = tempDir();
    const built = path.join(tempDir(), 'pagefind');
    writeTree(built, BUILT);
    openSearchCache(root).store('pagefind', 'k1', built);
    damage(path.join(root, 'pagefind.k1'));

    const target = path.join(tempDir(), 'out', 'pagefind');
    expect(openSearchCache(root).restore('pagefind', 'k1', target)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  test('a file the host changes in the output after the build is caught: the entry is not restored', () => {
    const root = tempDir();
    const built = path.join(tempDir(), 'pagefind');
    writeTree(built, BUILT);
    openSearchCache(root).store('pagefind', 'k1', built);
    writeFileSync(path.join(built, 'index/en_2.pf_index'), 'changed in place');
    const target = path.join(tempDir(), 'pagefind');
    expect(openSearchCache(root).restore('pagefind', 'k1', target)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  describe('files recorded as checked (verified.json)', () => {
    const stored = () => {
      const root = tempDir();
      const built = path.join(tempDir(), 'pagefind');
      writeTree(built, BUILT);
      openSearchCache(root).store('pagefind', 'k1', built);
      return { root, entry: path.join(root, 'pagefind.k1') };
    };
    /** Rewrites a file in place, same length, and puts its modification time back. */
    const alterKeepingTime = (file: string) => {
      const { atime, mtime } = statSync(file);
      writeFileSync(file, 'tw0');
      utimesSync(file, atime, mtime);
    };

    test('the store records every file as checked, and a restore keeps the record', () => {
      const { root, entry } = stored();
      const record = JSON.parse(readFileSync(path.join(entry, 'verified.json'), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(record).sort()).toEqual(Object.keys(BUILT).sort());
      expect(openSearchCache(root).restore('pagefind', 'k1', path.join(tempDir(), 'pagefind'))).toBe(true);
    });

    test('a cache restored as copies (new files, as from a CI cache) is hashed again, so damage is caught', () => {
      const { root, entry } = stored();
      const copy = tempDir();
      cpSync(root, copy, { recursive: true });
      alterKeepingTime(path.join(copy, 'pagefind.k1', 'index/en_2.pf_index'));
      expect(openSearchCache(copy).restore('pagefind', 'k1', path.join(tempDir(), 'pagefind'))).toBe(false);
      expect(existsSync(entry)).toBe(true);
    });

    test('the one change the record cannot see: a rewrite in place at the same size with its time put back', () => {
      const { root, entry } = stored();
      const file = path.join(entry, 'index/en_2.pf_index');
      utimesSync(file, 1_000_000_000, 1_000_000_000); // a whole second, so that putting it back is exact
      // Moved time: hashed again, and recorded as checked with its new time.
      expect(openSearchCache(root).restore('pagefind', 'k1', path.join(tempDir(), 'pagefind'))).toBe(true);
      alterKeepingTime(file);
      expect(openSearchCache(root).restore('pagefind', 'k1', path.join(tempDir(), 'pagefind1'))).toBe(true);
      // Without the record, the same damage is caught.
      rmSync(path.join(entry, 'verified.json'));
      expect(openSearchCache(root).restore('pagefind', 'k1', path.join(tempDir(), 'pagefind2'))).toBe(false);
    });
  });

  test('prune keeps only the entries this build used', () => {
    const root = tempDir();
    const built = path.join(tempDir(), 'pagefind');
    writeTree(built, BUILT);
    const first = openSearchCache(root);
    first.store('pagefind', 'old', built);
    first.store('pagefind-positions-2021', 'k', built);
    const second = openSearchCache(root);
    second.restore('pagefind-positions-2021', 'k', path.join(tempDir(), 'x'));
    second.store('pagefind', 'new', built);
    second.prune();
    expect(readdirSync(root).sort()).toEqual(['pagefind-positions-2021.k', 'pagefind.new']);
  });
});

describe('bundleKey', () => {
  test('changes with any byte of any page, with a page more, and with the salt (Pagefind’s version)', () => {
    const out = tempDir();
    writeTree(out, { 'a/index.html': '<p data-pagefind-body>a</p>', 'b/index.html': '<p data-pagefind-body>b</p>' });
    const bundle = { dir: 'pagefind', files: ['a/index.html', 'b/index.html'] };
    const key = bundleKey(bundle, searchablePages(out, ['a/index.html', 'b/index.html']), 'pagefind 1.6.0');
    expect(bundleKey(bundle, searchablePages(out, ['a/index.html', 'b/index.html']), 'pagefind 1.6.0')).toBe(key);
    expect(bundleKey(bundle, searchablePages(out, ['a/index.html', 'b/index.html']), 'pagefind 1.7.0')).not.toBe(key);
    expect(bundleKey({ ...bundle, files: ['a/index.html'] }, searchablePages(out, ['a/index.html', 'b/index.html']), 'pagefind 1.6.0')).not.toBe(key);
    writeFileSync(path.join(out, 'b/index.html'), '<p data-pagefind-body>B</p>');
    expect(bundleKey(bundle, searchablePages(out, ['a/index.html', 'b/index.html']), 'pagefind 1.6.0')).not.toBe(key);
  });
});

describe('pageFiles and searchablePages', () => {
  test('the HTML file of each page the build lists, then the marked ones with their digests', () => {
    const out = tempDir();
    writeTree(out, {
      'index.html': '<main data-pagefind-body>home</main>',
      'about/index.html': '<main>no mark</main>',
      '404.html': '<main>not found</main>',
      'briefings/x/index.html': '<main data-pagefind-body>x</main>',
      'briefings/x/data.json': '{"data-pagefind-body":1}',
      'pagefind/x.html': '<main data-pagefind-body>bundle</main>',
    });
    const files = pageFiles(out, ['', 'about/', '404/', 'briefings/x/', 'gone/']);
    expect(files).toEqual(['index.html', 'about/index.html', '404.html', 'briefings/x/index.html']);
    const pages = searchablePages(out, files);
    expect([...pages.keys()]).toEqual(['index.html', 'briefings/x/index.html']);
    const before = pages.get('index.html');
    writeFileSync(path.join(out, 'index.html'), '<main data-pagefind-body>home, edited</main>');
    const after = searchablePages(out, files);
    expect(after.get('index.html')).not.toBe(before);
    expect(after.get('briefings/x/index.html')).toBe(pages.get('briefings/x/index.html'));
  });

  test('with a record, a page still exactly the file read last time is not read again; any write, or a page gaining the mark, is', () => {
    const out = tempDir();
    const record = path.join(tempDir(), 'search-pages.json');
    writeTree(out, { 'a/index.html': '<main data-pagefind-body>aaaa</main>', 'b/index.html': '<main>no mark</main>', 'c/index.html': '<main data-pagefind-body>c</main>' });
    const files = ['a/index.html', 'b/index.html', 'c/index.html'];
    const a = path.join(out, 'a/index.html');
    // A whole second, which utimes sets exactly.
    utimesSync(a, 1_700_000_000, 1_700_000_000);
    const first = searchablePages(out, files, record);
    expect(first).toEqual(searchablePages(out, files));
    // Rewritten in place at the same size with its time put back: the one change the record cannot see.
    // That the old digest comes back shows the page was not read.
    writeFileSync(a, '<main data-pagefind-body>AAAA</main>');
    utimesSync(a, 1_700_000_000, 1_700_000_000);
    // An ordinary edit moves the time: read again, and a page that gains the mark is found.
    writeFileSync(path.join(out, 'b/index.html'), '<main data-pagefind-body>now marked</main>');
    const second = searchablePages(out, files, record);
    expect(second.get('a/index.html')).toBe(first.get('a/index.html'));
    expect(second.has('b/index.html')).toBe(true);
    expect(second.get('c/index.html')).toBe(first.get('c/index.html'));
    // A record cut in half is no record: every page is read.
    truncateSync(record, Math.floor(readFileSync(record).length / 2));
    expect(searchablePages(out, files, record).get('a/index.html')).not.toBe(first.get('a/index.html'));
  });
});

describe('planSearchBundles', () => {
  const model = {
    positionById: new Map([
      ['p-2021', { date: '2021-12-01' }],
      ['p-2022', { date: '2022-01-10' }],
      ['p-gone', { date: '2022-01-10', withdrawn: { date: '2022-02-01' } }],
    ]),
    briefingBySlug: new Map([['b-2022', { date: '2022-01-10' }]]),
  } as unknown as SiteModel;

  test('positions and briefings by year of their date; withdrawn pages, redirects and every other page in the main bundle, which comes first', () => {
    const files = ['index.html', 'actors/x/index.html', 'positions/p-2022/index.html', 'positions/p-2021/index.html', 'positions/p-gone/index.html', 'positions/old-id/index.html', 'briefings/b-2022/index.html', 'briefings/2022/01/index.html'];
    expect(planSearchBundles(model, files)).toEqual([
      { dir: 'pagefind', files: ['actors/x/index.html', 'briefings/2022/01/index.html', 'index.html', 'positions/old-id/index.html', 'positions/p-gone/index.html'] },
      { dir: 'pagefind-briefings-2022', files: ['briefings/b-2022/index.html'] },
      { dir: 'pagefind-positions-2021', files: ['positions/p-2021/index.html'] },
      { dir: 'pagefind-positions-2022', files: ['positions/p-2022/index.html'] },
    ]);
  });
});
