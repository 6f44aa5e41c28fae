import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as cheerio from 'cheerio';
import type { BuildResult } from '../helpers/build.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { brokenLinks } from '../helpers/links.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

const SITE = { site: 'http://localhost:4321', base: '/' };

const PAGES = [
  '/briefings/first-talks/',
  '/briefings/second-round/',
  '/actors/alice-adams/',
  '/actors/bob-brown/',
  '/actors/freedonia/',
  '/positions/adams-no-deal/',
  '/positions/brown-hopeful/',
];

/** The pages of a build as they were right after it, since the next build reuses its folder. */
interface Snapshot {
  exists(sitePath: string): boolean;
  page(sitePath: string): cheerio.CheerioAPI;
}

function snapshot(result: BuildResult): Snapshot {
  const html = new Map(PAGES.filter((p) => result.exists(p)).map((p) => [p, result.file(p).toString('utf8')]));
  return {
    exists: (sitePath) => html.has(sitePath),
    page: (sitePath) => {
      const text = html.get(sitePath);
      if (text === undefined) throw new Error(`${sitePath} was not built`);
      return cheerio.load(text);
    },
  };
}

/**
 * Three builds of one corpus into one output folder and one cache, as on a
 * publishing machine that keeps its build folder between runs.
 */
describe('rebuilding after content files are renamed or deleted', () => {
  let corpus: TempCorpus;
  let outDir: string;
  let first: Snapshot;
  let renamed: Snapshot;
  let deleted: Snapshot;
  let refused: BuildResult;
  let last: BuildResult | undefined;
  const build = () => {
    last = buildAsUser({ contentDir: corpus.contentDir, outDir });
    if (!last.ok) throw new Error(`astro build failed:\n${last.output}`);
    return snapshot(last);
  };

  beforeAll(() => {
    corpus = tempCorpus('basic');
    outDir = mkdtempSync(path.join(tmpdir(), 'briefing-rename-'));
    first = build();

    // second-round.md becomes .mdx and starts using a component only MDX understands.
    const second = corpus.read('briefings/second-round.md');
    corpus.remove('briefings/second-round.md');
    corpus.write('briefings/second-round.mdx', second.replace('A GFM table in plain Markdown:', 'A GFM table about <Actor id="freedonia" />:'));
    // first-talks.mdx becomes .md, its components replaced by plain text.
    edit(corpus, 'briefings/first-talks.mdx', '<Actor id="alice-adams" />', 'Alice Adams');
    edit(corpus, 'briefings/first-talks.mdx', '<Actor id="bob-brown">the envoy</Actor>', 'the envoy');
    const firstTalks = corpus.read('briefings/first-talks.mdx').replace(/<Cite source="[a-z-]+" \/>/g, '');
    corpus.remove('briefings/first-talks.mdx');
    corpus.write('briefings/first-talks.md', firstTalks);
    renamed = build();

    // A briefing with positions disappears: its URLs were published, so the build refuses…
    corpus.remove('briefings/first-talks.md');
    refused = buildAsUser({ contentDir: corpus.contentDir, outDir: path.join(mkdtempSync(path.join(tmpdir(), 'briefing-refused-')), 'dist') });
    // … until the desk says they were removed on purpose, and why.
    corpus.write('removed-urls.txt', [
      '# Taken down at the source’s request.',
      '/briefings/first-talks/ Removed at the source’s request.',
      '/positions/adams-no-deal/ Removed at the source’s request.',
      '/positions/brown-hopeful/ Removed at the source’s request.',
      '',
    ].join('\n'));
    deleted = build();
  });

  afterAll(() => {
    removeBuild(refused);
    removeBuild(last ?? { outDir });
    corpus?.cleanup();
  });

  test('builds the corpus the first time', () => {
    expect(first.exists('/briefings/second-round/')).toBe(true);
    expect(first.page('/briefings/first-talks/')('main .prose sup[id^="cite-"]').length).toBeGreaterThan(0);
  });

  test('builds a briefing renamed from .md to .mdx, compiled as MDX', () => {
    expect(renamed.exists('/briefings/second-round/')).toBe(true);
    const $ = renamed.page('/briefings/second-round/');
    expect($('main .prose a[href="/actors/freedonia/"]').text()).toBe('Freedonia');
    expect($('main .prose').text()).not.toContain('<Actor');
    expect($('main .prose table').length).toBe(1);
  });

  test('builds a briefing renamed from .mdx to .md from the new file, not the old one', () => {
    expect(renamed.exists('/briefings/first-talks/')).toBe(true);
    const $ = renamed.page('/briefings/first-talks/');
    expect($('main .prose').text()).toContain('Alice Adams met the envoy in the capital.');
    expect($('main .prose sup[id^="cite-"]').length).toBe(0);
    expect($('main .prose input[type="checkbox"]').length).toBe(1);
  });

  test('lists a renamed briefing’s new mention on the actor page', () => {
    const $ = renamed.page('/actors/freedonia/');
    expect($('main a[href="/briefings/second-round/"]').length).toBeGreaterThan(0);
  });

  test('refuses to delete published URLs silently: every lost URL is named with its fix, and nothing is written', () => {
    expect(refused.ok).toBe(false);
    const lost = refused.output.split('\n').filter((line) => line.includes('[unpublished-url]'));
    for (const url of ['/briefings/first-talks/', '/briefings/first-talks/og.png', '/positions/adams-no-deal/', '/actors/alice-adams/#adams-no-deal']) {
      expect(lost.some((line) => line.includes(`error: ${url} was published`)), url).toBe(true);
    }
    expect(lost[0]).toMatch(/published-urls\.txt:\d+:1: error: .* add "formerly: \[[a-z-]+\]" .*removed-urls\.txt/);
    expect(refused.exists('/')).toBe(false);
  });

  test('answers a page removed on purpose with its reason, in place of the briefing', () => {
    const $ = deleted.page('/briefings/first-talks/');
    expect($('h1').text()).toBe('This page was removed');
    expect($('main').text()).toContain('Removed at the source’s request.');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect(deleted.exists('/briefings/second-round/')).toBe(true);
  });

  test.each([
    ['adams-no-deal', 'alice-adams'],
    ['brown-hopeful', 'bob-brown'],
  ])('removes the deleted briefing’s position %s from /actors/%s/ and its permalink page', (id, actor) => {
    const $ = deleted.page(`/actors/${actor}/`);
    expect($('[id]').filter((_, el) => $(el).attr('id') === id).length).toBe(0);
    expect($('main a[href^="/briefings/first-talks/"]').length).toBe(0);
    expect(deleted.page(`/positions/${id}/`)('h1').text()).toBe('This page was removed');
  });

  test('keeps the positions of the briefings that remain', () => {
    const $ = deleted.page('/actors/alice-adams/');
    expect($('[id]').filter((_, el) => $(el).attr('id') === 'adams-sanctions').length).toBe(1);
  });

  test('leaves no link to the deleted briefing anywhere', () => {
    expect(brokenLinks({ outDir, ...SITE }).filter((problem) => !problem.startsWith('404.html:'))).toEqual([]);
  });
});
