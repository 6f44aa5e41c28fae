import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import type { BuildResult } from '../helpers/build.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { openData } from '../helpers/open-data.ts';
import { serveDist } from '../helpers/serve.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

/** Quotes in the speaker's language with the desk's translation, sources with an archived copy, and pinpoints. */
let corpus: TempCorpus;
let site: BuildResult;
let browser: Browser;

beforeAll(async () => {
  corpus = tempCorpus('basic');
  edit(corpus, 'briefings/first-talks.mdx', `    quote: "There is no deal <yet> & there won't be one soon."\n`,
    '    quote: "Сделки пока нет <и> не будет."\n    lang: ru\n    translation: "There is no deal <yet> & there won\'t be one soon."\n');
  edit(corpus, 'briefings/second-round.md', '    stance: Adams threatens sanctions.\n',
    '    stance: Adams threatens sanctions.\n    quote: "تحریم‌ها را اعمال خواهیم کرد."\n    lang: fa\n    translation: We will impose sanctions.\n');
  edit(corpus, 'briefings/first-talks.mdx', '    date: 2022-01-10\n  - id: transcript\n',
    '    date: 2022-01-10\n    archived: https://web.archive.org/web/20220110/https://example.org/wire\n    accessed: 2022-01-11\n    lang: ru\n  - id: transcript\n');
  // The transcript is a video; the envoy's words are 12 min 31 s in, and on page 4 of the wire.
  edit(corpus, 'briefings/first-talks.mdx', 'url: https://example.org/transcript', 'url: https://example.org/talks/briefing.mp4');
  edit(corpus, 'briefings/first-talks.mdx', '    sources: [wire, transcript]\n', '    sources: [{ id: wire, page: 4 }, { id: transcript, at: "00:12:31" }]\n');
  site = buildAsUser({ contentDir: corpus.contentDir, env: { SITE_URL: 'https://desk.example.org' } });
  if (!site.ok) throw new Error(site.output);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  removeBuild(site);
  corpus?.cleanup();
});

describe('a quote in the original language', () => {
  test('is marked lang="ru", with the translation beside it, labelled', () => {
    const card = site.page('/briefings/first-talks/')('#adams-no-deal');
    expect(card.find('blockquote').attr('lang')).toBe('ru');
    // Russian is written left to right: no "rtl", but "auto" like every author-supplied text, which resolves to ltr.
    expect(card.find('blockquote').attr('dir')).toBe('auto');
    expect(card.find('blockquote').text()).toBe('Сделки пока нет <и> не будет.');
    expect(card.find('.position__translation').text()).toBe('Translated from Russian: “There is no deal <yet> & there won\'t be one soon.”');
  });

  test('a Persian quote is set right to left', () => {
    const $ = site.page('/positions/adams-sanctions/');
    expect($('h1').attr('lang')).toBe('fa');
    expect($('h1').attr('dir')).toBe('rtl');
    expect($('.position__translation').text()).toContain('Translated from Persian: “We will impose sanctions.”');
  });

  test('JSON-LD names the language and gives the translation as a second text; feeds carry both', () => {
    const ld = JSON.parse(site.page('/positions/adams-sanctions/')('script[type="application/ld+json"]').text());
    expect(ld.inLanguage).toBe('fa');
    expect(ld.text).toEqual(['تحریم‌ها را اعمال خواهیم کرد.', 'We will impose sanctions.']);
    const feed = JSON.parse(site.file('/actors/alice-adams/feed.json').toString('utf8'));
    expect(feed.items.map((i: { summary: string }) => i.summary).join('\n')).toContain('“Сделки пока нет <и> не будет.” (translation: “There is no deal <yet> & there won\'t be one soon.”)');
  });

  test('in Chromium the Persian headline runs right to left, upright, and fits a 375 px phone', async () => {
    const server = await serveDist(site.outDir);
    const page = await (await browser.newContext({ viewport: { width: 375, height: 812 } })).newPage();
    try {
      await page.goto(`${server.url}positions/adams-sanctions/`);
      const style = await page.locator('h1').evaluate((el) => ({ direction: getComputedStyle(el).direction, fontStyle: getComputedStyle(el).fontStyle }));
      expect(style).toEqual({ direction: 'rtl', fontStyle: 'normal' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await page.close();
      await server.close();
    }
  });
});

describe('a pinpointed source', () => {
  test('the card says where, and a moment in a video links with #t= so the player starts there', () => {
    const card = site.page('/briefings/first-talks/')('#brown-hopeful .position__sources');
    expect(card.find('span.pinpoint').text()).toBe('p. 4');
    expect(card.find('a.pinpoint').text()).toBe('at 12:31');
    expect(card.find('a.pinpoint').attr('href')).toBe('https://example.org/talks/briefing.mp4#t=751');
    const page = site.page('/positions/brown-hopeful/');
    expect(page('.sources__pinpoint a').attr('href')).toBe('https://example.org/talks/briefing.mp4#t=751');
    const positions = JSON.parse(site.file('/data/positions.json').toString('utf8')).positions as { id: string; sources: Record<string, unknown>[] }[];
    expect(positions.find((p) => p.id === 'brown-hopeful')!.sources).toMatchObject([{ id: 'wire', page: 4 }, { id: 'transcript', at: '00:12:31' }]);
  });
});

describe('an archived source', () => {
  test('the source list links the archived copy, names the language and the access date; print has both URLs', () => {
    const item = site.page('/briefings/first-talks/')('#source-wire');
    expect(item.find('a.sources__archived').attr('href')).toBe('https://web.archive.org/web/20220110/https://example.org/wire');
    expect(item.find('a.sources__title').attr('hreflang')).toBe('ru');
    expect(item.text()).toContain('(in Russian)');
    expect(item.find('.sources__accessed').text()).toBe(' · accessed 11 January 2022');
    expect(item.find('.sources__url').map((_, el) => item.find(el).text()).get()).toEqual(['https://example.org/wire', 'Archived: https://web.archive.org/web/20220110/https://example.org/wire']);
  });

  test('open data carries archive, access date, language and translation, and validates against its schema', () => {
    for (const name of ['briefings', 'positions']) expect(openData(site, name).errors, name).toEqual([]);
    const positions = JSON.parse(site.file('/data/positions.json').toString('utf8')).positions as Record<string, unknown>[];
    expect(positions.find((p) => p.id === 'adams-no-deal')).toMatchObject({ lang: 'ru', translation: "There is no deal <yet> & there won't be one soon." });
    expect((positions.find((p) => p.id === 'adams-no-deal')!.sources as Record<string, unknown>[])[0]).toMatchObject({ archived: 'https://web.archive.org/web/20220110/https://example.org/wire', accessed: '2022-01-11', lang: 'ru' });
  });
});
