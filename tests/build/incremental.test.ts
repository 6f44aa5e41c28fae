import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuildResult } from '../helpers/build.ts';
import { differences, listFiles } from '../helpers/dist.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

const PAGES_DIR = path.resolve(import.meta.dirname, '../../src/pages');

/** Pages the build copied from the incremental cache instead of rendering. */
const reusedPages = (result: BuildResult) => result.output.split('\n').filter((line) => /\((restored|cached)\)/.test(line));

/**
 * A publishing machine keeps its output and cache folders between builds, so most
 * pages of a rebuild are copied from the last one. Whatever the edit, the result
 * must be exactly what a clean build of the same content gives.
 */
describe('incremental rebuilds', () => {
  let corpus: TempCorpus;
  let outDir: string;
  let unchanged: BuildResult;
  let incremental: BuildResult;
  let full: BuildResult;

  beforeAll(() => {
    corpus = tempCorpus('basic');
    // A briefing whose page shows other briefings' positions: one its body quotes
    // with <Position id>, and the earlier position one of its own follows.
    corpus.write(
      'briefings/third-round.mdx',
      [
        '---',
        'title: Third round',
        'summary: Brown hardens his line.',
        'date: 2022-01-15',
        'sources:',
        '  - id: wire3',
        '    title: Third wire',
        '    publisher: Example Wire',
        '    url: https://example.org/wire3',
        'positions:',
        '  - id: brown-firmer',
        '    actor: bob-brown',
        '    stance: Brown now wants guarantees first.',
        '    follows: brown-hopeful',
        '    change: hardens',
        '    sources: [wire3]',
        '---',
        '',
        'Recall what the minister said:<Cite source="wire3" />',
        '',
        '<Position id="adams-no-deal" />',
        '',
      ].join('\n'),
    );
    // A briefing of another year, which no edit below reaches: its search bundles stay as they were.
    corpus.write(
      'briefings/opening-contacts.mdx',
      [
        '---',
        'title: Opening contacts',
        'summary: Brown makes the first call.',
        'date: 2021-12-01',
        'sources:',
        '  - id: wire0',
        '    title: Earlier wire',
        '    publisher: Example Wire',
        '    url: https://example.org/wire0',
        'positions:',
        '  - id: brown-first-call',
        '    actor: bob-brown',
        '    stance: Brown calls for contacts at the envoys’ level.',
        '    sources: [wire0]',
        '---',
        '',
        'The first call.<Cite source="wire0" />',
        '',
      ].join('\n'),
    );
    outDir = mkdtempSync(path.join(tmpdir(), 'briefing-incremental-'));
    const build = (dir?: string) => {
      const result = buildAsUser({ contentDir: corpus.contentDir, outDir: dir });
      if (!result.ok) throw new Error(`astro build failed:\n${result.output}`);
      return result;
    };
    build(outDir);
    unchanged = build(outDir);

    // Edits that reach pages other than the edited file's own: an actor's name (every
    // page quoting them), a source title (its position pages), a stance (the actor's other
    // position pages list it). Bob Brown's positions are untouched, and so are the
    // neighbours and the own data of third-round, which is between the two others in time.
    edit(corpus, 'actors/alice-adams.md', 'name: Alice Adams', 'name: Alicia Adams');
    edit(corpus, 'briefings/second-round.md', 'title: Second wire', 'title: Second wire report');
    edit(corpus, 'briefings/second-round.md', 'stance: Adams threatens sanctions.', 'stance: Adams now backs targeted sanctions.');
    // A position moved to another topic: both topic pages and their feeds, and the stance grid.
    edit(corpus, 'briefings/second-round.md', 'topic: sanctions', 'topic: talks');
    // A quote: its own briefing's page and third-round's, which quotes the position in its body.
    edit(corpus, 'briefings/first-talks.mdx', "& there won't be one soon.", "& there won't be one this year.");
    incremental = build(outDir);
    full = build();
  });

  afterAll(() => {
    removeBuild(incremental);
    removeBuild(full);
    corpus?.cleanup();
  });

  test('no page writes its own cacheKey: every key comes from its view (views/page-views.ts)', () => {
    const pages = listFiles(PAGES_DIR);
    expect(pages.filter((f) => /cacheKey/.test(readFileSync(path.join(PAGES_DIR, f), 'utf8')))).toEqual([]);
    expect(pages.filter((f) => /staticPaths\('/.test(readFileSync(path.join(PAGES_DIR, f), 'utf8'))).length).toBeGreaterThan(4);
  });

  test('a rebuild of unchanged content copies every position, briefing, actor and topic page and feed from the last build', () => {
    const pages = listFiles(unchanged.outDir).filter((f) => /^(positions|briefings|actors|topics)\/[^/]+\/(index\.html|rss\.xml|feed\.json)$/.test(f.split(path.sep).join('/')));
    expect(pages.length).toBeGreaterThan(6);
    const reused = reusedPages(unchanged);
    for (const page of pages) expect(reused.some((line) => line.includes(`/${page.split(path.sep).join('/')}`)), page).toBe(true);
  });

  test('search bundles are indexed again only when one of their pages changed; the others come from the cache', () => {
    const line = (result: BuildResult) => /search index: \d+ pages in (\d+) bundles; indexed ([^;]+); (\d+) unchanged/.exec(result.output);
    const [, total, none, allUnchanged] = line(unchanged) ?? [];
    expect(none).toBe('none');
    expect(allUnchanged).toBe(total);
    const [, , indexed, reused] = line(incremental) ?? [];
    const rebuilt = indexed!.split(', ');
    // The edits reach every 2022 bundle and the actor pages in the main one, nothing of 2021.
    expect(rebuilt).toEqual(expect.arrayContaining(['pagefind', 'pagefind-briefings-2022', 'pagefind-positions-2022']));
    expect(rebuilt.some((bundle) => bundle.endsWith('-2021'))).toBe(false);
    expect(Number(reused)).toBe(2);
  });

  test('after edits to an actor, a source, a stance, a topic and a quote, the incremental build equals a clean build', () => {
    expect(reusedPages(incremental).some((line) => line.includes('/positions/brown-hopeful/'))).toBe(true);
    expect(reusedPages(incremental).some((line) => line.includes('/positions/brown-firmer/'))).toBe(true);
    expect(reusedPages(incremental).some((line) => line.includes('/positions/adams-no-deal/'))).toBe(false);
    expect(differences(incremental.outDir, full.outDir)).toEqual([]);
  });
});
