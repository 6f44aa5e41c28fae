import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildCards, keyCards } from '../../src/pipeline/cards/build.ts';
import { planCards } from '../../src/pipeline/cards/plan.ts';
import { renderCardPng } from '../../src/pipeline/cards/render.ts';
import { inShard, parseShard, shardOf } from '../../src/pipeline/cards/shard.ts';
import { entryFileFor, openCardStore, recordVerified, writeCardEntry } from '../../src/pipeline/cards/store.ts';
import { readCacheFile, updateCacheFile, writeCacheFile } from '../../src/util/json-cache-file.ts';
import { identityOf } from '../../src/util/file-identity.ts';
import { writeFileAtomic } from '../../src/util/write-atomic.ts';
import { tempCorpus } from '../helpers/corpus.ts';
import { pngProblems } from '../helpers/dist.ts';

const work = mkdtempSync(path.join(tmpdir(), 'card-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
const folder = () => {
  const dir = path.join(work, `f${++folders}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** A second name for the file's current inode: it keeps the old bytes if the file is replaced by rename, not if it is rewritten in place. */
function observe(file: string): () => string {
  const observer = `${file}.observer`;
  linkSync(file, observer);
  return () => readFileSync(observer, 'utf8');
}

const key = (n: number) => createHash('sha256').update(String(n)).digest('hex').slice(0, 32);

describe('writeFileAtomic', () => {
  test('replaces the file by a rename, never rewriting it in place, and leaves no temporary file', () => {
    const dir = folder();
    const file = path.join(dir, 'cache.json');
    writeFileSync(file, 'old');
    const old = observe(file);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(old()).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['cache.json', 'cache.json.observer']);
  });

  test('a write that fails leaves the old file as it was and no temporary file', () => {
    const dir = folder();
    const target = path.join(dir, 'taken');
    mkdirSync(target); // a file cannot be renamed over a folder
    expect(() => writeFileAtomic(target, 'bytes')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

describe('readCacheFile and writeCacheFile', () => {
  const whole = () => {
    const file = path.join(folder(), 'bodies.json');
    writeCacheFile(file, 'v1', [['a', { html: 'x'.repeat(200) }], ['b', { html: 'y' }]]);
    return file;
  };

  test('read back what was written, with the same versions', () => {
    expect([...readCacheFile(whole(), 'v1')]).toEqual([['a', { html: 'x'.repeat(200) }], ['b', { html: 'y' }]]);
  });

  test.each([
    ['cut in half', (file: string) => truncateSync(file, Math.floor(readFileSync(file).length / 2))],
    ['emptied', (file: string) => truncateSync(file, 0)],
    ['missing', (file: string) => rmSync(file)],
    ['not JSON', (file: string) => writeFileSync(file, '\u0000\u0000garbage')],
  ])('a cache file %s reads as empty, so the build redoes the work', (_, damage) => {
    const file = whole();
    damage(file);
    expect(readCacheFile(file, 'v1').size).toBe(0);
  });

  test('a cache file from other versions reads as empty', () => {
    expect(readCacheFile(whole(), 'v2').size).toBe(0);
  });

  test('writes atomically: the file is replaced by a rename', () => {
    const file = whole();
    const old = observe(file);
    writeCacheFile(file, 'v1', [['c', 1]]);
    expect(JSON.parse(old()).entries).toHaveProperty('a');
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toEqual({ c: 1 });
  });

  test('updateCacheFile rewrites the file only when its keys change, and always after damage', () => {
    const file = whole();
    const before = statSync(file).ino;
    const same = [['b', { html: 'y' }], ['a', { html: 'x'.repeat(200) }]] as const;
    updateCacheFile(file, 'v1', readCacheFile(file, 'v1'), same);
    expect(statSync(file).ino).toBe(before);
    // A key more, or one less: written (by a rename, so a new file).
    updateCacheFile(file, 'v1', readCacheFile(file, 'v1'), [...same, ['c', { html: 'z' }]]);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries).sort()).toEqual(['a', 'b', 'c']);
    updateCacheFile(file, 'v1', readCacheFile(file, 'v1'), same);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries).sort()).toEqual(['a', 'b']);
    // Cut in half, it reads as empty, and the same keys are written whole again.
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    updateCacheFile(file, 'v1', readCacheFile(file, 'v1'), same);
    expect(readCacheFile(file, 'v1').size).toBe(2);
  });
});

describe('openCardStore', () => {
  const png = Buffer.from('\x89PNG pretend card bytes that are long enough to cut in half', 'latin1');

  test('finds an entry written for a key', () => {
    const dir = folder();
    const file = writeCardEntry(dir, key(1), png);
    expect(file).toBe(entryFileFor(dir, key(1), createHash('sha256').update(png).digest('hex')));
    expect(openCardStore(dir).lookup(key(1))).toEqual({ file });
  });

  test.each([
    ['emptied', (file: string) => truncateSync(file, 0)],
    ['cut in half', (file: string) => truncateSync(file, png.length >> 1)],
    ['with one byte changed', (file: string) => {
      const bytes = readFileSync(file);
      bytes[bytes.length - 3]! ^= 0x01;
      writeFileSync(file, bytes);
    }],
    ['replaced by another card', (file: string) => writeFileSync(file, Buffer.concat([png, Buffer.from('!')]))],
  ])('an entry %s fails the check and is reported damaged', (_, damage) => {
    const dir = folder();
    damage(writeCardEntry(dir, key(2), png));
    expect(openCardStore(dir).lookup(key(2))).toEqual({ damaged: true });
  });

  test('a deleted entry is simply missing; temporary files and other names are no entries', () => {
    const dir = folder();
    rmSync(writeCardEntry(dir, key(3), png));
    const file = entryFileFor(dir, key(4), 'a'.repeat(64));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.123.0.1.tmp`, png);
    writeFileSync(path.join(path.dirname(file), `${key(4)}.png`), png); // the layout before digests
    expect(openCardStore(dir).lookup(key(3))).toEqual({ damaged: false });
    expect(openCardStore(dir).lookup(key(4))).toEqual({ damaged: false });
  });

  describe('entries a build recorded as it published them (verified.json)', () => {
    test.each([
      ['emptied', (file: string) => truncateSync(file, 0)],
      ['with one byte changed, same size', (file: string) => {
        const bytes = readFileSync(file);
        bytes[bytes.length - 3]! ^= 0x01;
        writeFileSync(file, bytes);
      }],
      ['replaced by a copy from elsewhere (a restored CI cache), same size and time', (file: string) => {
        const { atime, mtime } = statSync(file);
        const bytes = readFileSync(file);
        bytes[0]! ^= 0x01;
        writeFileSync(`${file}.restored`, bytes);
        utimesSync(`${file}.restored`, atime, mtime);
        renameSync(`${file}.restored`, file);
      }],
    ])('an entry %s after the record is hashed again and fails', (_, damage) => {
      const dir = folder();
      const file = writeCardEntry(dir, key(6), png);
      recordVerified(dir, new Map([[file, identityOf(file)!]]));
      expect(openCardStore(dir).lookup(key(6))).toEqual({ file });
      damage(file);
      expect(openCardStore(dir).lookup(key(6))).toEqual({ damaged: true });
    });

    test('an entry still exactly the file recorded is reused without being read again', () => {
      const dir = folder();
      const file = writeCardEntry(dir, key(7), png);
      utimesSync(file, 1_000_000_000, 1_000_000_000); // a whole second, so that putting it back is exact
      recordVerified(dir, new Map([[file, identityOf(file)!]]));
      // The one change the record cannot see: the same inode rewritten in place at the same size with its time put back.
      const bytes = readFileSync(file);
      bytes[1]! ^= 0x01;
      writeFileSync(file, bytes);
      utimesSync(file, 1_000_000_000, 1_000_000_000);
      expect(openCardStore(dir).lookup(key(7))).toEqual({ file });
    });

    test('a record that does not parse, or lists other files, is no record: entries are hashed', () => {
      const dir = folder();
      const file = writeCardEntry(dir, key(8), png);
      const other = writeCardEntry(dir, key(9), png);
      recordVerified(dir, new Map([[other, identityOf(other)!]]));
      writeFileSync(file, Buffer.concat([png.subarray(1), Buffer.from('x')]));
      expect(openCardStore(dir).lookup(key(8))).toEqual({ damaged: true });
      writeFileSync(path.join(dir, 'verified.json'), '{"cut in');
      truncateSync(other, 1);
      expect(openCardStore(dir).lookup(key(9))).toEqual({ damaged: true });
    });
  });

  test('a repair replaces the damaged file by rename', () => {
    const dir = folder();
    const file = writeCardEntry(dir, key(5), png);
    truncateSync(file, 3);
    const damaged = observe(file);
    expect(writeCardEntry(dir, key(5), png)).toBe(file);
    expect(damaged().length).toBe(3);
    expect(openCardStore(dir).lookup(key(5))).toEqual({ file });
  });
});

describe('buildCards with a damaged cache', () => {
  test('re-renders every missing, emptied, cut or altered card, counts the damaged as repaired, and publishes whole PNGs identical to a fresh render', async () => {
    const corpus = tempCorpus('basic');
    try {
      const site = { name: 'Desk', tagline: 'Tagline' };
      const model = corpus.check().model;
      const cacheDir = path.join(folder(), 'cache');
      const first = await buildCards({ model, site, outDir: path.join(cacheDir, '..', 'out1'), cacheDir, threads: 2 });
      expect(first.repaired).toBe(0);

      const cards = keyCards(planCards(model, site));
      const store = openCardStore(cacheDir);
      const [emptied, halved, altered, deleted] = cards.slice(0, 4).map((card) => ({ ...card, file: store.lookup(card.key).file! }));
      truncateSync(emptied!.file, 0);
      truncateSync(halved!.file, Math.floor(readFileSync(halved!.file).length / 2));
      const bytes = readFileSync(altered!.file);
      bytes[bytes.length >> 1]! ^= 0xff;
      writeFileSync(altered!.file, bytes);
      rmSync(deleted!.file);

      const outDir = path.join(cacheDir, '..', 'out2');
      const second = await buildCards({ model, site, outDir, cacheDir, threads: 2 });
      expect({ rendered: second.rendered, repaired: second.repaired }).toEqual({ rendered: 4, repaired: 3 });
      for (const card of [emptied!, halved!, altered!, deleted!]) {
        const published = readFileSync(path.join(outDir, card.job.sitePath));
        expect(pngProblems(published)).toEqual([]);
        expect(published.equals(await renderCardPng(card.job.content))).toBe(true);
      }
      const third = await buildCards({ model, site, outDir: path.join(cacheDir, '..', 'out3'), cacheDir, threads: 2 });
      expect({ rendered: third.rendered, repaired: third.repaired }).toEqual({ rendered: 0, repaired: 0 });
    } finally {
      corpus.cleanup();
    }
  });
});

describe('parseShard', () => {
  test.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    [' 3 / 3 ', { index: 3, count: 3 }],
  ])('reads %j', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });
  test.each(['0/2', '3/2', '1/0', '1', 'a/b', '-1/2', '1/2/3', '1.5/2'])('refuses %j', (text) => {
    expect(() => parseShard(text)).toThrow(RangeError);
  });
});

describe('shardOf', () => {
  const keys = Array.from({ length: 4000 }, (_, i) => key(i));

  test('puts every card in exactly one of the slices', () => {
    const shards = Array.from({ length: 3 }, (_, i) => ({ index: i + 1, count: 3 }));
    for (const k of keys.slice(0, 300)) expect(shards.filter((s) => inShard(k, s))).toHaveLength(1);
  });

  test.each([2, 3, 8])('balances %i slices within 10% of the mean', (count) => {
    const sizes = Array.from({ length: count }, () => 0);
    for (const k of keys) sizes[shardOf(k, count) - 1]!++;
    const mean = keys.length / count;
    for (const size of sizes) expect(Math.abs(size - mean)).toBeLessThan(mean * 0.1);
  });

  test("keeps a card in its slice whatever else the site holds: adding a briefing moves no other card", () => {
    const corpus = tempCorpus('basic');
    try {
      const site = { name: 'Desk', tagline: 'Tagline' };
      const slices = () => new Map(keyCards(planCards(corpus.check().model, site)).map(({ job, key }) => [job.sitePath, shardOf(key, 4)]));
      const before = slices();
      corpus.write('briefings/later.md', ['---', 'title: Later', 'summary: Later still.', 'date: 2022-03-01', '---', '', 'Text.', ''].join('\n'));
      const after = slices();
      expect(after.has('/briefings/later/og.png')).toBe(true);
      // Cards whose text changed with the new briefing (the counts on the home and list cards) are new cards.
      const unchanged = [...before].filter(([sitePath]) => !/^\/(og\.png|briefings\/og\.png|actors\/og\.png|topics\/og\.png)$/.test(sitePath));
      expect(unchanged.length).toBeGreaterThan(8);
      for (const [sitePath, slice] of unchanged) expect([sitePath, after.get(sitePath)]).toEqual([sitePath, slice]);
    } finally {
      corpus.cleanup();
    }
  });
});
