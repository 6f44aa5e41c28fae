/**
 * The fixture corpus in sixteen scripts (tests/fixtures/scripts), built with the real
 * `astro build`: language tags and directions in the markup, upright quotes in the
 * scripts without italics, bidi isolation of names in English sentences, share cards,
 * the uncovered-character warning, axe at 375 px, and search in every script.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SAMPLES } from '../fixtures/scripts/generate.ts';
import { launchBrowser } from '../helpers/browser.ts';
import type { BuildResult } from '../helpers/build.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { serveDist } from '../helpers/serve.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const UPRIGHT = SAMPLES.filter((s) => s.lang !== 'el');

let corpus: TempCorpus;
let site: BuildResult;
let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  corpus = tempCorpus('scripts');
  // One character no card font has, in a stance (the actor card and the position card show it).
  edit(corpus, 'briefings/world-desk.mdx', 'stance: "Hebrew: talks go on."', 'stance: "Hebrew: talks go on 𓂀."');
  site = buildAsUser({ contentDir: corpus.contentDir, env: { SITE_URL: 'https://desk.example.org' } });
  if (!site.ok) throw new Error(site.output);
  browser = await launchBrowser();
  server = await serveDist(site.outDir);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeBuild(site);
  corpus?.cleanup();
});

describe('the markup', () => {
  test('every page says the site language on <html lang>', () => {
    for (const path of ['/', '/briefings/world-desk/', '/actors/noa-levi/', '/positions/noa-levi-talks/']) expect(site.page(path)('html').attr('lang'), path).toBe('en');
  });

  test.each(SAMPLES.map((s) => [s.script, s] as const))('%s: the quote carries its lang, its direction, and is upright where the script has no italic', (_, s) => {
    const quote = site.page('/briefings/world-desk/')(`#${s.id}-talks blockquote`);
    expect(quote.attr('lang')).toBe(s.lang);
    expect(quote.attr('dir')).toBe(s.rtl ? 'rtl' : 'auto');
    expect(quote.hasClass('is-upright')).toBe(s.lang !== 'el');
    const headline = site.page(`/positions/${s.id}-talks/`)('h1');
    expect(headline.attr('lang')).toBe(s.lang);
    expect(headline.text()).toBe(`“${s.quote}”`);
  });

  test('names, roles, titles and stances carry dir="auto"; names inside English sentences sit in <bdi>', () => {
    const actor = site.page('/actors/noa-levi/');
    expect(actor('h1').attr('dir')).toBe('auto');
    expect(actor('h1').text()).toBe('נועה לוי');
    expect(actor('.actor__header .dek').attr('dir')).toBe('auto');
    expect(actor('#briefings-heading bdi').text()).toBe('נועה לוי');
    expect(actor('.feed-links bdi').text()).toBe('נועה לוי');
    const briefing = site.page('/briefings/hebrew-title/');
    expect(briefing('h1').attr('dir')).toBe('auto');
    expect(briefing('.briefing__header .dek').attr('dir')).toBe('auto');
    expect(briefing('#noa-levi-nato .position__stance').attr('dir')).toBe('auto');
    expect(briefing('#noa-levi-nato .position__actor').attr('dir')).toBe('auto');
    expect(briefing('.sources__title').attr('dir')).toBe('auto');
    const position = site.page('/positions/noa-levi-talks/');
    expect(position('#other-positions bdi').text()).toBe('נועה לוי');
    expect(position('.position__translation bdi').text()).toBe('We will continue the talks with NATO next week.');
  });
});

describe('share cards', () => {
  test('every actor and position card is built, and the build warns of the character no card font has', async () => {
    for (const s of SAMPLES) {
      for (const card of [`/actors/${s.id}/og.png`, `/positions/${s.id}-talks/og.png`]) {
        const meta = await sharp(site.file(card)).metadata();
        expect([meta.width, meta.height], card).toEqual([1200, 630]);
      }
    }
    expect(site.output).toMatch(/briefings\/world-desk\.mdx:\d+:\d+: warning: positions\[\d+\]\.stance \(position "noa-levi-talks"\) has "𓂀" \(U\+13080\), which no share-card font can draw; the card shows "\uFFFD" in its place/);
  });
});

describe('in Chromium', () => {
  async function open(sitePath: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, colorScheme, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(new URL(sitePath.replace(/^\//, ''), server.url).href);
    return page;
  }

  test('quotes in scripts without italics are upright, the Greek one keeps its italic; right-to-left ones run right to left', async () => {
    const page = await open('/briefings/world-desk/');
    try {
      const styles = await page.locator('blockquote').evaluateAll((quotes) => quotes.map((q) => ({ lang: (q as HTMLElement).lang, fontStyle: getComputedStyle(q).fontStyle, direction: getComputedStyle(q).direction })));
      for (const s of SAMPLES) {
        expect(styles.find((q) => q.lang === s.lang), s.lang).toEqual({ lang: s.lang, fontStyle: s.lang === 'el' ? 'italic' : 'normal', direction: s.rtl ? 'rtl' : 'ltr' });
      }
      expect(UPRIGHT.length).toBe(SAMPLES.length - 1);
    } finally {
      await page.close();
    }
  });

  test('a Hebrew title with a Latin word is a right-to-left heading and link by dir="auto"; an English one stays left to right', async () => {
    const page = await open('/briefings/hebrew-title/');
    const index = await open('/briefings/');
    try {
      expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).direction)).toBe('rtl');
      const links = await index.locator('.briefing-summary__title a').evaluateAll((as) => as.map((a) => [a.textContent, getComputedStyle(a).direction]));
      expect(links).toEqual(expect.arrayContaining([['השיחות עם NATO נמשכות', 'rtl'], ['Talks go on, in every language', 'ltr']]));
    } finally {
      await page.close();
      await index.close();
    }
  });

  test.each([
    ['/briefings/world-desk/', 'light'],
    ['/briefings/world-desk/', 'dark'],
    ['/positions/dara-kaviani-talks/', 'light'],
    ['/positions/dara-kaviani-talks/', 'dark'],
    ['/actors/noa-levi/', 'dark'],
  ] as const)('%s in %s: axe finds nothing, no horizontal scrolling at 375 px', async (sitePath, scheme) => {
    const page = await open(sitePath, scheme);
    try {
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await page.close();
    }
  });

  test('search finds every actor by a word of their name, in every script', async () => {
    const page = await open('/search/');
    try {
      const input = page.locator('#search-input');
      for (const s of SAMPLES) {
        await input.fill(s.search);
        await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`results? for “${s.search}”`));
        const found = await page.locator('#search-results a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
        expect(found, `${s.script}: ${s.search}`).toContain(`/actors/${s.id}/`);
      }
    } finally {
      await page.close();
    }
  }, 120_000);
});
