/**
 * Astro's page cache as pipeline/emit/page-cache.ts restores and checks it, on
 * folders laid out as Astro lays them out: `incremental-build.json` naming each
 * page's output file, and the cached copies under `dist/`.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { emptyOutput, linkCachedPages, manifestOutputs, recordCachedPages, removeEmptyFolders, removeUnbuiltPages } from '../../src/pipeline/emit/page-cache.ts';

const temporary: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'page-cache-'));
  temporary.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const PAGES: Record<string, string> = {
  'index.html': '<h1>Home</h1>',
  'actors/ana/index.html': '<h1>Ana</h1>',
  // Astro names output files by their URL: non-ASCII paths are %-escaped in the manifest.
  'actors/%C3%A9lodie/index.html': '<h1>Élodie</h1>',
  'feed.json': '{"items":[]}',
};
const onDisk = (outputFile: string) => decodeURIComponent(outputFile);

/** A cache folder as Astro leaves it after a build of `pages` (output file → HTML). */
function astroCache(pages: Record<string, string>, cacheDir = tempDir()): string {
  const paths = Object.fromEntries(Object.keys(pages).map((file, i) => [`/p${i}/`, { cacheKey: `k${i}`, outputFile: file }]));
  writeFileSync(path.join(cacheDir, 'incremental-build.json'), JSON.stringify({ version: 1, routes: { 'src/pages/x.astro': { dependencyHash: 'h', paths } } }));
  for (const [file, html] of Object.entries(pages)) {
    const cached = path.join(cacheDir, 'dist', onDisk(file));
    mkdirSync(path.dirname(cached), { recursive: true });
    writeFileSync(cached, html);
  }
  return cacheDir;
}
const cached = (cacheDir: string, file: string) => path.join(cacheDir, 'dist', onDisk(file));

describe('linkCachedPages', () => {
  test('links every recorded page into the output: the same file, no bytes copied', () => {
    const cacheDir = astroCache(PAGES);
    recordCachedPages(cacheDir, manifestOutputs(cacheDir));
    const outDir = tempDir();
    const { linked, discarded } = linkCachedPages(cacheDir, outDir);
    expect(discarded).toBe(0);
    expect([...linked.keys()].sort()).toEqual(Object.keys(PAGES).sort());
    for (const [file, html] of Object.entries(PAGES)) {
      const published = path.join(outDir, onDisk(file));
      expect(readFileSync(published, 'utf8')).toBe(html);
      expect(statSync(published).ino).toBe(statSync(cached(cacheDir, file)).ino);
    }
  });

  test('a cached page cut short, emptied or altered is deleted from the cache, never linked', () => {
    const cacheDir = astroCache(PAGES);
    recordCachedPages(cacheDir, manifestOutputs(cacheDir));
    truncateSync(cached(cacheDir, 'index.html'), 4);
    truncateSync(cached(cacheDir, 'feed.json'), 0);
    // The same size, other bytes: only the hash tells.
    writeFileSync(cached(cacheDir, 'actors/ana/index.html'), '<h1>Bob</h1>');
    const outDir = tempDir();
    const { linked, discarded } = linkCachedPages(cacheDir, outDir);
    expect(discarded).toBe(3);
    expect([...linked.keys()]).toEqual(['actors/%C3%A9lodie/index.html']);
    for (const file of ['index.html', 'feed.json', 'actors/ana/index.html']) {
      expect(existsSync(path.join(outDir, onDisk(file)))).toBe(false);
      // Gone from the cache too, so that Astro renders the page instead of restoring it.
      expect(existsSync(cached(cacheDir, file))).toBe(false);
    }
  });

  test('a cache restored as copies (new inodes, the same bytes) passes on its hashes', () => {
    const original = astroCache(PAGES);
    recordCachedPages(original, manifestOutputs(original));
    const restored = tempDir();
    cpSync(original, restored, { recursive: true });
    const { linked, discarded } = linkCachedPages(restored, tempDir());
    expect({ linked: linked.size, discarded }).toEqual({ linked: 4, discarded: 0 });
  });

  test('pages no build has recorded (a cache from before the check) are not trusted', () => {
    const cacheDir = astroCache(PAGES);
    const { linked, discarded } = linkCachedPages(cacheDir, tempDir());
    expect({ linked: linked.size, discarded }).toEqual({ linked: 0, discarded: 4 });
  });

  test('a record cut in half is no record, and a missing manifest links nothing', () => {
    const cacheDir = astroCache(PAGES);
    recordCachedPages(cacheDir, manifestOutputs(cacheDir));
    const record = path.join(cacheDir, 'verified-pages.json');
    truncateSync(record, Math.floor(readFileSync(record).length / 2));
    expect(linkCachedPages(cacheDir, tempDir()).linked.size).toBe(0);
    expect(linkCachedPages(tempDir(), tempDir())).toEqual({ linked: new Map(), discarded: 0 });
  });

  test('a page rewritten by a build keeps its record only once hashed again', () => {
    const cacheDir = astroCache(PAGES);
    recordCachedPages(cacheDir, manifestOutputs(cacheDir));
    // The next build renders the home page anew (Astro writes its cache in place) and records it.
    writeFileSync(cached(cacheDir, 'index.html'), '<h1>Home, corrected</h1>');
    recordCachedPages(cacheDir, manifestOutputs(cacheDir));
    const outDir = tempDir();
    expect(linkCachedPages(cacheDir, outDir).discarded).toBe(0);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<h1>Home, corrected</h1>');
  });
});

describe('after the pages', () => {
  test('a linked page the build no longer has is removed; one it wrote over its link stays', () => {
    const cacheDir = astroCache(PAGES);
    recordCachedPages(cacheDir, manifestOutputs(cacheDir));
    const outDir = tempDir();
    const { linked } = linkCachedPages(cacheDir, outDir);
    // This build: Ana's page is gone from the site; the feed lost its key and was rendered (written) anyway.
    astroCache({ 'index.html': PAGES['index.html']!, 'actors/%C3%A9lodie/index.html': PAGES['actors/%C3%A9lodie/index.html']! }, cacheDir);
    rmSync(path.join(outDir, 'feed.json'));
    writeFileSync(path.join(outDir, 'feed.json'), '{"items":[1]}');
    expect(removeUnbuiltPages(outDir, linked, new Set(manifestOutputs(cacheDir)))).toBe(1);
    expect(existsSync(path.join(outDir, 'actors/ana/index.html'))).toBe(false);
    expect(readFileSync(path.join(outDir, 'feed.json'), 'utf8')).toBe('{"items":[1]}');
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
  });

  test('emptying the output deletes every file but .git, keeps the folders, and empty folders are removed afterwards', () => {
    const outDir = tempDir();
    for (const file of ['index.html', 'actors/ana/index.html', 'actors/ana/og.png', '.git/HEAD', 'positions/x/index.html']) {
      mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
      writeFileSync(path.join(outDir, file), file);
    }
    const emptied = emptyOutput(outDir);
    expect(readdirSync(outDir).sort()).toEqual(['.git', 'actors', 'positions']);
    expect(readdirSync(path.join(outDir, 'actors/ana'))).toEqual([]);
    expect(readFileSync(path.join(outDir, '.git/HEAD'), 'utf8')).toBe('.git/HEAD');
    // The build writes some pages again.
    writeFileSync(path.join(outDir, 'actors/ana/index.html'), 'again');
    removeEmptyFolders(emptied);
    expect(readdirSync(outDir).sort()).toEqual(['.git', 'actors']);
    expect(readdirSync(path.join(outDir, 'actors/ana'))).toEqual(['index.html']);
  });
});
