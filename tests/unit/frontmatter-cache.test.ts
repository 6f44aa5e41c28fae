import { readFileSync, rmSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkContent, type CheckResult } from '../../src/pipeline/content-check.ts';
import { parseFrontmatterFile } from '../../src/pipeline/load/frontmatter.ts';
import { openFrontmatterCache } from '../../src/pipeline/load/frontmatter-cache.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';

/**
 * Parsed frontmatter kept between builds (load/frontmatter-cache.ts): a check through
 * the cache must give exactly what a fresh check gives, located diagnostics included.
 */
let corpus: TempCorpus;
afterEach(() => corpus?.cleanup());

const outcome = ({ model, diagnostics, errorCount, publication, schedule }: CheckResult) => ({ model, diagnostics, errorCount, publication, schedule });

describe('parseFrontmatterFile through the cache', () => {
  const source = '---\ntitle: "Talks"\npositions:\n  - id: a\n    actor: bob\n---\nBody\n';

  test('a second parse comes from the cache: the same data, and positions found by parsing again', () => {
    corpus = tempCorpus();
    const file = path.join(corpus.root, 'fm.json');
    const first = openFrontmatterCache(file);
    const fresh = parseFrontmatterFile(source, first);
    first.save();
    const cache = openFrontmatterCache(file);
    let asked = 0;
    const counting = { ...cache, get: (yaml: string) => (asked++, cache.get(yaml)) };
    const cached = parseFrontmatterFile(source, counting);
    expect(asked).toBe(1);
    expect(cached.data).toEqual(fresh.data);
    expect(cached.locate(['positions', 0, 'actor'])).toEqual({ line: 5, column: 12 });
    expect(cached.locate(['positions', 0, 'actor'])).toEqual(fresh.locate(['positions', 0, 'actor']));
    expect(cached.bodyStartLine).toBe(fresh.bodyStartLine);
    // The caller's data is its own: changing it does not change the next parse.
    (cached.data as { title: string }).title = 'changed';
    expect((parseFrontmatterFile(source, cache).data as { title: string }).title).toBe('Talks');
  });

  test('what JSON cannot carry whole (.inf, .nan, -0) is parsed every time, never taken from the cache', () => {
    corpus = tempCorpus();
    const file = path.join(corpus.root, 'fm.json');
    const cache = openFrontmatterCache(file);
    const odd = '---\na: .inf\nb: .nan\nc: -0\n---\n';
    parseFrontmatterFile(odd, cache);
    cache.save();
    expect(openFrontmatterCache(file).get('a: .inf\nb: .nan\nc: -0\n')).toBeUndefined();
    const again = parseFrontmatterFile(odd, openFrontmatterCache(file)).data as Record<string, number>;
    expect(again.a).toBe(Infinity);
    expect(Number.isNaN(again.b)).toBe(true);
    expect(Object.is(again.c, -0)).toBe(true);
  });

  test('an object YAML aliases twice, or inside itself, is parsed every time: JSON would copy it, or never finish', () => {
    corpus = tempCorpus();
    const file = path.join(corpus.root, 'fm.json');
    const cache = openFrontmatterCache(file);
    const shared = '---\na: &x { k: 1 }\nb: *x\n---\n';
    const cyclic = '---\na: &x { self: *x }\n---\n';
    expect(parseFrontmatterFile(shared, cache).yamlErrors).toEqual([]);
    const loop = parseFrontmatterFile(cyclic, cache);
    expect(loop.yamlErrors).toEqual([]);
    cache.save();
    const later = openFrontmatterCache(file);
    expect(later.get('a: &x { k: 1 }\nb: *x\n')).toBeUndefined();
    const again = parseFrontmatterFile(shared, later).data as { a: object; b: object };
    expect(again.b).toBe(again.a);
  });

  test('YAML with errors is not kept: its errors are reported again', () => {
    corpus = tempCorpus();
    const file = path.join(corpus.root, 'fm.json');
    const cache = openFrontmatterCache(file);
    const broken = '---\ntitle: [unclosed\n---\n';
    expect(parseFrontmatterFile(broken, cache).yamlErrors).not.toEqual([]);
    cache.save();
    expect(parseFrontmatterFile(broken, openFrontmatterCache(file)).yamlErrors).not.toEqual([]);
  });
});

describe('checkContent with a frontmatter cache file', () => {
  test('equals a fresh check after edits and mistakes, and after the cache file is damaged or deleted', () => {
    corpus = tempCorpus('basic');
    const frontmatterCacheFile = path.join(corpus.root, 'cache', 'briefing-frontmatter.json');
    const check = () => checkContent({ root: corpus.root, contentDir: corpus.contentDir, today: '2026-01-01', frontmatterCacheFile });
    const fresh = () => checkContent({ root: corpus.root, contentDir: corpus.contentDir, today: '2026-01-01' });
    expect(outcome(check())).toEqual(outcome(fresh()));
    // Every file now from the cache.
    expect(outcome(check())).toEqual(outcome(fresh()));
    // Mistakes found after loading (an unknown actor) are located by parsing that file again.
    edit(corpus, 'briefings/first-talks.mdx', 'actor: bob-brown', 'actor: bob-browne');
    check();
    const withMistake = check();
    expect(withMistake.errorCount).toBe(1);
    expect(outcome(withMistake)).toEqual(outcome(fresh()));
    expect(withMistake.diagnostics[0]).toMatchObject({ code: 'unknown-actor', file: expect.stringContaining('first-talks.mdx') });
    edit(corpus, 'briefings/first-talks.mdx', 'actor: bob-browne', 'actor: bob-brown');
    expect(outcome(check())).toEqual(outcome(fresh()));
    truncateSync(frontmatterCacheFile, Math.floor(readFileSync(frontmatterCacheFile).length / 2));
    expect(outcome(check())).toEqual(outcome(fresh()));
    rmSync(frontmatterCacheFile);
    expect(outcome(check())).toEqual(outcome(fresh()));
  });
});
