import { renameSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BuildResult } from '../helpers/build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { serveDist } from '../helpers/serve.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

/**
 * Links people shared keep working after a rename or a withdrawal: a briefing's
 * file, an actor's file and a position's id are renamed with `formerly`, one
 * position and one briefing are withdrawn. The site is built once as it was,
 * then again into the same folder (an incremental rebuild), and from scratch.
 */
let corpus: TempCorpus;
let rebuilt: BuildResult;
let clean: BuildResult;
let browser: Browser;

const build = (outDir?: string) => {
  const result = buildAsUser({ contentDir: corpus.contentDir, outDir, env: { SITE_URL: 'https://desk.example.org' } });
  if (!result.ok) throw new Error(`astro build failed:\n${result.output}`);
  return result;
};

beforeAll(async () => {
  corpus = tempCorpus('basic');
  const first = build();
  // A position id fixed for a typo, a briefing and an actor renamed (references follow), …
  edit(corpus, 'briefings/first-talks.mdx', '  - id: adams-no-deal\n', '  - id: adams-no-deal-yet\n    formerly: [adams-no-deal]\n');
  edit(corpus, 'briefings/first-talks.mdx', 'actor: bob-brown', 'actor: robert-brown');
  edit(corpus, 'briefings/first-talks.mdx', '<Actor id="bob-brown">', '<Actor id="robert-brown">');
  renameSync(path.join(corpus.contentDir, 'actors/bob-brown.md'), path.join(corpus.contentDir, 'actors/robert-brown.md'));
  edit(corpus, 'actors/robert-brown.md', /^---\n/, '---\nformerly: [bob-brown]\n');
  renameSync(path.join(corpus.contentDir, 'briefings/second-round.md'), path.join(corpus.contentDir, 'briefings/second-round-talks.md'));
  edit(corpus, 'briefings/second-round-talks.md', /^---\n/, '---\nformerly: [second-round]\n');
  // … a position withdrawn, and a whole briefing.
  edit(corpus, 'briefings/first-talks.mdx', '    role: Special Envoy\n', '    role: Special Envoy\n    withdrawn:\n      date: 2022-02-01\n      reason: The envoy denied saying this; the source was misquoted.\n');
  edit(corpus, 'briefings/second-round-talks.md', /^---\n/, '---\nwithdrawn: { date: 2022-03-01, reason: "Based on a forged document." }\n');
  rebuilt = build(first.outDir);
  clean = build();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  removeBuild(rebuilt);
  removeBuild(clean);
  corpus?.cleanup();
});

describe('former URLs', () => {
  const redirects = [
    ['/positions/adams-no-deal/', '/positions/adams-no-deal-yet/'],
    ['/briefings/second-round/', '/briefings/second-round-talks/'],
    ['/actors/bob-brown/', '/actors/robert-brown/'],
  ] as const;

  test.each(redirects)('%s is a static redirect page to %s: refresh, canonical, noindex, a visible link, no script', (from, to) => {
    const $ = clean.page(from);
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${to}`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`https://desk.example.org${to}`);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('main a').attr('href')).toBe(to);
    expect($('script')).toHaveLength(0);
  });

  test('_redirects has a 301 for every former page, card and feed', () => {
    const lines = clean.file('/_redirects').toString('utf8').trim().split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      '/positions/adams-no-deal/ /positions/adams-no-deal-yet/ 301',
      '/positions/adams-no-deal/og.png /positions/adams-no-deal-yet/og.png 301',
      '/briefings/second-round/ /briefings/second-round-talks/ 301',
      '/briefings/second-round/og.png /briefings/second-round-talks/og.png 301',
      '/actors/bob-brown/ /actors/robert-brown/ 301',
      '/actors/bob-brown/og.png /actors/robert-brown/og.png 301',
      '/actors/bob-brown/rss.xml /actors/robert-brown/rss.xml 301',
      '/actors/bob-brown/feed.json /actors/robert-brown/feed.json 301',
    ]));
    expect(lines).toHaveLength(8);
  });

  test('old card URLs serve the current card, byte for byte, and old feed URLs the current feed', () => {
    for (const [from, to] of redirects) {
      const png = clean.file(`${from}og.png`);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.equals(clean.file(`${to}og.png`))).toBe(true);
    }
    expect(clean.file('/actors/bob-brown/rss.xml').equals(clean.file('/actors/robert-brown/rss.xml'))).toBe(true);
    expect(clean.file('/actors/bob-brown/feed.json').equals(clean.file('/actors/robert-brown/feed.json'))).toBe(true);
  });

  test('the old position id is still a fragment target inside the renamed position, on its actor page and its briefing page', () => {
    for (const page of ['/actors/alice-adams/', '/briefings/first-talks/']) {
      expect(clean.page(page)('article#adams-no-deal-yet > #adams-no-deal').length, page).toBe(1);
    }
  });

  test('the ledger of published URLs keeps the old URLs and adds the new ones', () => {
    const ledger = corpus.read('published-urls.txt').split('\n');
    expect(ledger).toEqual(expect.arrayContaining(['/positions/adams-no-deal/', '/positions/adams-no-deal-yet/', '/actors/bob-brown/', '/actors/robert-brown/#brown-hopeful', '/briefings/second-round/']));
  });

  test('open data lists former ids; the sitemap lists only current URLs', () => {
    const positions = JSON.parse(clean.file('/data/positions.json').toString('utf8')).positions as { id: string; formerly?: string[] }[];
    expect(positions.find((p) => p.id === 'adams-no-deal-yet')?.formerly).toEqual(['adams-no-deal']);
    const actors = JSON.parse(clean.file('/data/actors.json').toString('utf8')).actors as { id: string; formerly?: string[] }[];
    expect(actors.find((a) => a.id === 'robert-brown')?.formerly).toEqual(['bob-brown']);
    const sitemap = clean.file('/sitemap-0.xml').toString('utf8');
    expect(sitemap).toContain('/positions/adams-no-deal-yet/');
    expect(sitemap).not.toContain('/positions/adams-no-deal/<');
    expect(sitemap).not.toContain('/actors/bob-brown/');
  });

  test('in Chromium, an old position link lands on the new page, and an old fragment on the position', async () => {
    const server = await serveDist(clean.outDir);
    const page = await browser.newPage({ viewport: { width: 375, height: 640 } });
    try {
      await page.goto(`${server.url}positions/adams-no-deal/`);
      await page.waitForURL(/\/positions\/adams-no-deal-yet\/$/);
      expect(await page.locator('h1').textContent()).toContain('There is no deal');
      await page.goto(`${server.url}actors/alice-adams/#adams-no-deal`);
      const card = page.locator('article#adams-no-deal-yet');
      await expect.poll(() => card.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(64);
      // The renamed card is highlighted as the target, as the old link asked.
      expect(await card.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');
    } finally {
      await page.close();
      await server.close();
    }
  });
});

describe('withdrawn items', () => {
  test('a withdrawn position keeps its page and anchors, with a dated note, and leaves search, the grid and feeds', () => {
    const $ = clean.page('/positions/brown-hopeful/');
    expect($('.withdrawn-note').text()).toMatch(/Withdrawn on 1 February 2022: The envoy denied saying this/);
    expect($('[data-pagefind-body]')).toHaveLength(0);
    expect(clean.page('/actors/robert-brown/')('article#brown-hopeful .withdrawn-note')).toHaveLength(1);
    // The actor page keeps the card, out of the search index.
    expect(clean.page('/actors/robert-brown/')('article#brown-hopeful').attr('data-pagefind-ignore')).toBe('all');
    expect(clean.file('/actors/robert-brown/feed.json').toString('utf8')).not.toContain('brown-hopeful');
  });

  test('a withdrawn briefing keeps its page, marked, and leaves the feeds; its positions are withdrawn with it', () => {
    const $ = clean.page('/briefings/second-round-talks/');
    expect($('.withdrawn-note').text()).toContain('Based on a forged document.');
    expect($('article#adams-sanctions .withdrawn-note')).toHaveLength(1);
    expect($('[data-pagefind-body]')).toHaveLength(0);
    expect(clean.file('/rss.xml').toString('utf8')).not.toContain('second-round');
    expect(clean.page('/briefings/')('.briefing-summary').text()).toContain('Withdrawn');
    // Its topical position leaves the grid of who stands where (it was there before the withdrawal).
    expect(clean.page('/positions/')('a[href="/positions/adams-sanctions/"]')).toHaveLength(0);
    expect(clean.page('/topics/sanctions/')('article#adams-sanctions, article.position').attr('data-pagefind-ignore')).toBe('all');
  });
});

test('the incremental rebuild after the renames and withdrawals equals the clean build', async () => {
  const { createHash } = await import('node:crypto');
  const { readdirSync, readFileSync } = await import('node:fs');
  const list = (dir: string, prefix = ''): string[] =>
    readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)]));
  const digest = (dir: string) => Object.fromEntries(list(dir).map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));
  expect(digest(rebuilt.outDir)).toEqual(digest(clean.outDir));
});
