import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuildResult } from '../helpers/build.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { openData } from '../helpers/open-data.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

/** A corrected briefing and a corrected position, end to end: pages, card, /corrections/, feeds, JSON-LD, open data. */
let corpus: TempCorpus;
let site: BuildResult;
const SITE = 'https://desk.example.org';

beforeAll(() => {
  corpus = tempCorpus('basic');
  edit(corpus, 'briefings/second-round.md', 'updated: 2022-01-21\n', [
    'corrections:',
    '  - date: 2022-01-25',
    '    text: "An earlier version gave the wrong date for the sanctions vote <b>&</b> named the wrong committee."',
    '  - date: 2022-01-28',
    '    kind: update',
    '    text: The vote has since been postponed.',
    '',
  ].join('\n'));
  edit(corpus, 'briefings/first-talks.mdx', '    topic: talks\n', '    topic: talks\n    corrections:\n      - date: 2022-01-12\n        text: The quote was first attributed to the wrong minister.\n');
  site = buildAsUser({ contentDir: corpus.contentDir, env: { SITE_URL: SITE } });
  if (!site.ok) throw new Error(site.output);
});

afterAll(() => {
  removeBuild(site);
  corpus?.cleanup();
});

describe('a corrected briefing', () => {
  test('shows the correction near the top and the update as a dated note, and is updated on the latest of them', () => {
    const $ = site.page('/briefings/second-round/');
    expect($('header #record-corrections li').text()).toBe('Correction, 25 January 2022: An earlier version gave the wrong date for the sanctions vote <b>&</b> named the wrong committee.');
    expect($('#record-notes li').text()).toBe('Update, 28 January 2022: The vote has since been postponed.');
    expect($('.updated-notice').text()).toBe('Updated 28 January 2022');
  });

  test('JSON-LD carries each note as a CorrectionComment, and dateModified', () => {
    const ld = JSON.parse(site.page('/briefings/second-round/')('script[type="application/ld+json"]').text());
    expect(ld.dateModified).toBe('2022-01-28');
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'The vote has since been postponed.', datePublished: '2022-01-28' },
      { '@type': 'CorrectionComment', text: 'An earlier version gave the wrong date for the sanctions vote <b>&</b> named the wrong committee.', datePublished: '2022-01-25' },
    ]);
  });
});

describe('a corrected position', () => {
  test('its card says "Corrected" with the date, on its briefing and actor pages; its own page lists the note', () => {
    for (const page of ['/briefings/first-talks/', '/actors/alice-adams/']) {
      expect(site.page(page)('#adams-no-deal .position__notes li').text(), page).toBe('Corrected 12 Jan 2022: The quote was first attributed to the wrong minister.');
    }
    expect(site.page('/positions/adams-no-deal/')('#record-corrections li').text()).toContain('The quote was first attributed to the wrong minister.');
  });

  test('corrects its briefing on the record too: the briefing is updated that day and its JSON-LD carries the note', () => {
    const $ = site.page('/briefings/first-talks/');
    expect($('.updated-notice').text()).toBe('Updated 12 January 2022');
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    expect(ld.dateModified).toBe('2022-01-12');
    expect(ld.correction).toEqual([{ '@type': 'CorrectionComment', text: 'The quote was first attributed to the wrong minister.', datePublished: '2022-01-12' }]);
  });
});

describe('/corrections/', () => {
  test('lists every note newest first, each linked to the exact item', () => {
    const $ = site.page('/corrections/');
    const entries = $('.corrections-list li').map((_, li) => ({ text: $(li).find('p').last().text(), href: $(li).find('a').attr('href') })).get();
    expect(entries.map((e) => e.href)).toEqual(['/briefings/second-round/#record-notes', '/briefings/second-round/#record-corrections', '/briefings/first-talks/#adams-no-deal']);
    expect(entries[1]!.text).toContain('<b>&</b>');
    expect($('footer a[href="/corrections/"]').length).toBe(1);
  });

  test('has RSS and JSON feeds with one item per note, the HTML-looking text escaped for feed readers', () => {
    const rss = new XMLParser({ isArray: (name) => name === 'item' }).parse(site.file('/corrections/rss.xml').toString('utf8'));
    const items = rss.rss.channel.item as { title: string; link: string; description: string }[];
    expect(items.map((i) => i.link)).toEqual([`${SITE}/corrections/#briefing-second-round-2022-01-28`, `${SITE}/corrections/#briefing-second-round-2022-01-25`, `${SITE}/corrections/#position-adams-no-deal-2022-01-12`]);
    expect(items[1]!.title).toBe('Correction: Second round');
    const json = JSON.parse(site.file('/corrections/feed.json').toString('utf8'));
    expect(json.items).toHaveLength(3);
    expect(json.items[1].content_text).toContain('<b>&</b>');
  });
});

describe('feeds a reader renders as HTML', () => {
  test.each(['/rss.xml', '/actors/alice-adams/rss.xml', '/topics/talks/rss.xml', '/corrections/rss.xml'])(
    '%s: decoded as XML and parsed as HTML, no description holds an element that came from author text',
    async (feed) => {
      const cheerio = await import('cheerio');
      const rss = new XMLParser({ isArray: (name) => name === 'item' }).parse(site.file(feed).toString('utf8'));
      const descriptions = (rss.rss.channel.item as { description: string }[]).map((i) => String(i.description));
      expect(descriptions.length).toBeGreaterThan(0);
      for (const html of descriptions) {
        const $ = cheerio.load(html, null, false);
        expect($('*').length, html).toBe(0);
      }
      // The hostile text arrives as the characters the author typed.
      expect(descriptions.map((html) => cheerio.load(html, null, false).text()).join('\n')).toMatch(/<b>|<yet>|<script>/);
    },
  );
});

describe('open data', () => {
  test.each(['briefings', 'positions'])('data/%s.json carries the notes and validates against its schema', (name) => {
    const { data, errors } = openData(site, name);
    expect(errors).toEqual([]);
    expect((data[name] as { corrections?: unknown[] }[]).some((item) => item.corrections?.length)).toBe(true);
  });
});

describe('in Chromium at 375 px, light and dark', () => {
  test.each(['light', 'dark'] as const)('the corrected pages and /corrections/ fit the phone and pass axe (WCAG 2.2 AA), %s', async (colorScheme) => {
    const { launchBrowser } = await import('../helpers/browser.ts');
    const { serveDist } = await import('../helpers/serve.ts');
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const server = await serveDist(site.outDir);
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext({ viewport: { width: 375, height: 812 }, colorScheme })).newPage();
      for (const sitePath of ['/briefings/second-round/', '/briefings/first-talks/', '/actors/alice-adams/', '/positions/adams-no-deal/', '/corrections/']) {
        await page.goto(new URL(sitePath.slice(1), server.url).href);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), sitePath).toBeLessThanOrEqual(375);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).setLegacyMode(true).analyze();
        expect(violations.map((v) => `${sitePath}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
