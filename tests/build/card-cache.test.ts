import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuildResult } from '../helpers/build.ts';
import { PROJECT_ROOT, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { differences, listFiles, pngProblems } from '../helpers/dist.ts';
import { buildAsUser, removeBuild, userEnvironment } from '../helpers/user-build.ts';

const TODAY = '2026-01-01';

/** The card-stage line of a build's log: "15 share cards: 0 rendered, 15 from cache, …". */
const cardLine = (result: BuildResult) => result.output.split('\n').find((line) => /\d+ share cards:/.test(line)) ?? '(no share-card line)';

/** Every share card a build published, with what is wrong with it. */
const damagedCards = (outDir: string) =>
  listFiles(outDir)
    .filter((f) => f.endsWith('og.png'))
    .map((f) => [f, pngProblems(readFileSync(path.join(outDir, f)))] as const)
    .filter(([, problems]) => problems.length > 0);

/** Cache entries (whole or not) in a card cache folder. */
const cacheEntries = (dir: string) => (existsSync(dir) ? listFiles(dir).filter((f) => f.endsWith('.png')) : []);

/**
 * Starts `astro build` as `buildSite` does and kills it, workers and all, with SIGKILL
 * as soon as the first card is in the cache: a CI job cancelled, a machine out of memory.
 */
async function killBuildWhileCardsRender(contentDir: string, outDir: string, cardCache: string): Promise<number> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: PROJECT_ROOT,
    detached: true, // its own process group, so the card workers die with it
    stdio: 'ignore',
    env: userEnvironment({
      ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: contentDir, BRIEFINGS_TODAY: TODAY, CARD_CACHE_DIR: cardCache,
      ASTRO_CACHE_DIR: path.join(outDir, '..', `${path.basename(outDir)}-cache`),
    }),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let finished = false;
  void exited.then(() => (finished = true));
  while (!finished && cacheEntries(cardCache).length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  if (finished) throw new Error('the build ended before it rendered a card');
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
  return cacheEntries(cardCache).length;
}

/**
 * A build that finds its cards rendered elsewhere (`npm run cards -- --shard`) or
 * its caches damaged must publish exactly what a clean build on one machine does.
 */
describe('the card cache, shared and damaged', () => {
  let corpus: TempCorpus;
  const cleanups: (() => void)[] = [];
  let clean: BuildResult;
  let cardCache: string;
  let shards: { status: number | null; stdout: string; stderr: string }[];
  let sharded: BuildResult;

  const build = (env: Record<string, string>, outDir?: string) => {
    const result = buildAsUser({ contentDir: corpus.contentDir, outDir, env });
    if (!result.ok) throw new Error(`astro build failed:\n${result.output}`);
    if (!outDir) cleanups.push(() => removeBuild(result));
    return result;
  };
  const emptyCache = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefing-card-cache-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  /** `npm run cards -- --shard …` as CI runs it, from the project root. */
  const renderShard = (shard: string) => {
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/cards.ts'), '--shard', shard], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: userEnvironment({ CONTENT_DIR: corpus.contentDir, CARD_CACHE_DIR: cardCache, BRIEFINGS_TODAY: TODAY }),
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  beforeAll(() => {
    corpus = tempCorpus('basic');
    // The single-machine build everything else must equal.
    clean = build({ CARD_CACHE_DIR: emptyCache() });
    // Two "runners" render their slices into one cache folder, then a build uses it.
    cardCache = emptyCache();
    shards = ['1/2', '2/2'].map(renderShard);
    sharded = build({ CARD_CACHE_DIR: cardCache });
  });

  afterAll(() => {
    for (const cleanup of cleanups) cleanup();
    corpus?.cleanup();
  });

  describe('npm run cards -- --shard K/N', () => {
    test('each shard renders its slice, and together they render every card once', () => {
      const counts = shards.map(({ status, stdout, stderr }) => {
        expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
        const match = /shard (\d)\/2: (\d+) of (\d+) cards \(slices: (\d+), (\d+)\)\n\s+(\d+) rendered, 0 from cache/.exec(stdout);
        expect(match, stdout).not.toBeNull();
        const [, index, slice, total, first, second, rendered] = match!.map(Number) as number[];
        expect(slice).toBe(index === 1 ? first : second);
        expect(rendered).toBe(slice);
        return { slice: slice!, total: total!, first: first! };
      });
      expect(counts[0]!.slice + counts[1]!.slice).toBe(counts[0]!.total);
      expect(counts[0]!.slice).toBeGreaterThan(0);
      expect(counts[1]!.slice).toBeGreaterThan(0);
      const published = listFiles(clean.outDir).filter((f) => f.endsWith('og.png')).length;
      expect(counts[0]!.total).toBe(published);
    });

    test('the build afterwards renders no card', () => {
      expect(cardLine(sharded)).toMatch(/\b(\d+) share cards: 0 rendered, \1 from cache/);
    });

    test('and publishes, byte for byte, what a single-machine build does', () => {
      expect(differences(sharded.outDir, clean.outDir, ['the build from shards', 'the single-machine build'])).toEqual([]);
    });

    test('a wrong shard is refused with the usage', () => {
      const wrong = renderShard('3/2');
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('--shard: the shard must be from 1 to 2 (got 3)');
    });
  });

  describe('a damaged cache', () => {
    let repaired: BuildResult;
    let cachedPagesBefore = 0;

    beforeAll(() => {
      // Damage the shared cache the way a half-restored CI cache or a full disk does.
      const entries = listFiles(cardCache).filter((f) => f.endsWith('.png')).map((f) => path.join(cardCache, f));
      const [emptied, halved, altered, deleted] = entries;
      truncateSync(emptied!, 0);
      truncateSync(halved!, Math.floor(readFileSync(halved!).length / 2));
      const bytes = readFileSync(altered!);
      bytes[bytes.length >> 1]! ^= 0x5a;
      writeFileSync(altered!, bytes);
      rmSync(deleted!);
      // Cut every JSON cache of the build (compiled bodies, body analyses, parsed frontmatter) in half.
      const astroCache = path.join(sharded.outDir, '..', `${path.basename(sharded.outDir)}-cache`);
      const jsonCaches = readdirSync(astroCache).filter((f) => f.startsWith('briefing-') && f.endsWith('.json') && f !== 'briefing-schedule.json');
      expect(jsonCaches.sort()).toEqual(['briefing-analyses.json', 'briefing-bodies.json', 'briefing-frontmatter.json']);
      for (const file of jsonCaches.map((f) => path.join(astroCache, f))) truncateSync(file, Math.floor(readFileSync(file).length / 2));
      // And Astro's copies of the pages it restores: one cut in half, one altered at the same size, one deleted.
      const cachedPages = listFiles(path.join(astroCache, 'dist')).filter((f) => f.endsWith('index.html')).map((f) => path.join(astroCache, 'dist', f));
      cachedPagesBefore = listFiles(path.join(astroCache, 'dist')).length;
      const [cutPage, alteredPage, deletedPage] = cachedPages;
      truncateSync(cutPage!, Math.floor(readFileSync(cutPage!).length / 2));
      const html = readFileSync(alteredPage!);
      html[html.length >> 1]! ^= 0x01;
      writeFileSync(alteredPage!, html);
      rmSync(deletedPage!);
      // Then the records of what the last build checked: of the page copies, and of the pages the search index read.
      for (const record of ['verified-pages.json', 'search-pages.json'].map((f) => path.join(astroCache, f))) truncateSync(record, Math.floor(readFileSync(record).length / 2));
      // The next build on the same machine: the same output and cache folders.
      repaired = build({ CARD_CACHE_DIR: cardCache }, sharded.outDir);
      cleanups.push(() => removeBuild(repaired));
    });

    test('the next build re-renders the damaged and missing cards and says how many it repaired', () => {
      expect(cardLine(repaired)).toMatch(/share cards: 4 rendered \(repaired 3 damaged in the cache\)/);
      expect(repaired.output).toMatch(/bodies: \d+ compiled, 0 from cache/);
    });

    test('renders again the cached pages it cannot vouch for, instead of restoring them', () => {
      // With the record cut, no copy is trusted: each is deleted and its page rendered (the deleted one was simply missing).
      const [, linked, failed] = /(\d+) cached pages linked into the output; (\d+) failed the check/.exec(repaired.output) ?? [];
      expect({ linked, failed }).toEqual({ linked: '0', failed: String(cachedPagesBefore - 1) });
    });

    test('publishes only whole PNGs, and exactly what a clean build does', () => {
      expect(damagedCards(repaired.outDir)).toEqual([]);
      expect(differences(repaired.outDir, clean.outDir, ['the build on the damaged cache', 'the clean build'])).toEqual([]);
    });
  });

  describe('a build killed while cards render', () => {
    let next: BuildResult;
    let atKill: number;

    beforeAll(async () => {
      const killedCache = emptyCache();
      const outDir = mkdtempSync(path.join(tmpdir(), 'briefing-killed-'));
      cleanups.push(() => removeBuild({ outDir }));
      atKill = await killBuildWhileCardsRender(corpus.contentDir, outDir, killedCache);
      next = build({ CARD_CACHE_DIR: killedCache }, outDir);
    });

    test('leaves a cache the next build completes: it passes, publishes only whole PNGs, and equals a clean build', () => {
      // Distinct cards of the site, as the shards counted them.
      const distinct = Number(/ of (\d+) cards/.exec(shards[0]!.stdout)?.[1]);
      // The kill landed while cards rendered: some were in the cache, not all.
      expect(atKill).toBeGreaterThan(0);
      expect(atKill).toBeLessThan(distinct);
      // Every card the killed build finished is whole and reused; the others are rendered now.
      expect(cardLine(next)).toMatch(new RegExp(`share cards: ${distinct - atKill} rendered, `));
      expect(damagedCards(next.outDir)).toEqual([]);
      expect(differences(next.outDir, clean.outDir, ['the build after the killed one', 'the clean build'])).toEqual([]);
    });
  });
});
