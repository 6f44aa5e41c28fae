import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withEnvOverrides } from '../../src/config/settings.ts';
import { planCards } from '../../src/pipeline/cards/plan.ts';
import { renderCardSvg } from '../../src/pipeline/cards/render.ts';
import type { BuildResult } from '../helpers/build.ts';
import { FIXTURES, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { listFiles } from '../helpers/links.ts';
import { openData } from '../helpers/open-data.ts';
import { readOutput } from '../helpers/output.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

/** A desk that made the site its own with one file: content/site.yaml, a logo, a German-language site. */
const SITE_URL = 'https://nachrichten.example.org';
/** content/site.yaml and its logo, as a desk would write them. */
const PUBLICATION = path.join(FIXTURES, 'publication');
const SITE_YAML = readFileSync(path.join(PUBLICATION, 'site.yaml'), 'utf8');
const LOGO_SVG = readFileSync(path.join(PUBLICATION, 'brand/logo.svg'), 'utf8');

/** Held back: due at 06:00 UTC on 1 February 2022 (09:00 in Moscow). */
const SCHEDULED = `---
title: TOMORROWTITLE
summary: A briefing scheduled for the morning.
date: 2022-02-01
publish: 2022-02-01T09:00:00+03:00
sources:
  - id: wire
    title: Morning wire
    publisher: Example Wire
    url: https://example.org/morning
positions:
  - id: adams-scheduled-stance
    actor: alice-adams
    stance: Adams will speak in the morning.
    sources: [wire]
---

SCHEDULEDBODY
`;
/** Held back by its date alone, until 00:00 UTC on 2 February 2022. */
const DATED_LATER = `---
title: DAYAFTERTITLE
summary: Dated the day after.
date: 2022-02-02
---

DAYAFTERBODY
`;
const BEFORE = '2022-02-01T05:59:00Z';
const AFTER = '2022-02-01T06:00:00Z';

let corpus: TempCorpus;
let site: BuildResult;

beforeAll(() => {
  corpus = tempCorpus('basic');
  corpus.write('site.yaml', SITE_YAML);
  corpus.write('brand/logo.svg', LOGO_SVG);
  corpus.write('briefings/morning-statement.md', SCHEDULED);
  corpus.write('briefings/day-after.md', DATED_LATER);
  site = buildAsUser({ contentDir: corpus.contentDir, env: { SITE_URL, BRIEFINGS_NOW: BEFORE } });
  if (!site.ok) throw new Error(site.output);
});

afterAll(() => {
  removeBuild(site);
  corpus?.cleanup();
});

const xml = new XMLParser({ ignoreAttributes: false });

describe('content/site.yaml', () => {
  test('sets the language of every page and formats dates in it', () => {
    for (const page of ['/', '/briefings/second-round/', '/actors/alice-adams/', '/corrections/', '/search/']) {
      expect(site.page(page)('html').attr('lang'), page).toBe('de');
    }
    expect(site.page('/briefings/second-round/')('time[datetime="2022-01-20"]').first().text()).toBe('20. Januar 2022');
  });

  test('puts the name, logo, tagline, licence, contact, policy, footer links and accounts in header and footer', () => {
    const $ = site.page('/');
    expect($('.site-name').text().trim()).toBe('Lagebild Ost');
    expect($('.site-name img').attr('src')).toBe('/brand/logo.svg');
    expect($('.site-name img').attr('alt')).toBe('');
    const footer = $('.site-footer');
    expect(footer.text()).toContain('Wer was gesagt hat, belegt und verlinkt.');
    const links = footer.find('a').map((_, a) => `${$(a).text()} → ${a.attribs.href}`).get();
    expect(links).toEqual([
      'Corrections → /corrections/',
      'Corrections policy → https://nachrichten.example.org/korrekturen-richtlinie/',
      'Contact → mailto:redaktion@example.org',
      'Impressum → /impressum/',
      'X → https://x.com/lagebild',
      'Bluesky → https://bsky.app/profile/lagebild.bsky.social',
      'Mastodon → https://social.example/@lagebild',
      'LinkedIn → https://www.linkedin.com/company/lagebild',
      'CC-BY-4.0 → https://spdx.org/licenses/CC-BY-4.0.html',
    ]);
    expect(site.file('/brand/logo.svg').toString()).toBe(LOGO_SVG);
  });

  test('names the publication and its accounts for link previews', () => {
    const $ = site.page('/briefings/second-round/');
    expect($('meta[property="og:site_name"]').attr('content')).toBe('Lagebild Ost');
    expect($('meta[name="twitter:site"]').attr('content')).toBe('@lagebild');
    expect($('meta[name="fediverse:creator"]').attr('content')).toBe('@lagebild@social.example');
    expect($('title').text()).toBe('Second round · Lagebild Ost');
  });

  test('makes the publisher of every briefing an Organization with its logo and accounts', () => {
    const data = JSON.parse(site.page('/briefings/second-round/')('script[type="application/ld+json"]').text());
    expect(data.publisher).toEqual({
      '@type': 'Organization',
      '@id': `${SITE_URL}/#publisher`,
      name: 'Lagebild Ost',
      url: `${SITE_URL}/`,
      logo: { '@type': 'ImageObject', url: `${SITE_URL}/icon-512.png`, width: 512, height: 512 },
      sameAs: ['https://x.com/lagebild', 'https://bsky.app/profile/lagebild.bsky.social', 'https://social.example/@lagebild', 'https://www.linkedin.com/company/lagebild'],
    });
  });

  test('gives every feed its title, language, icon and licence', () => {
    for (const feed of ['/rss.xml', '/actors/alice-adams/rss.xml', '/corrections/rss.xml']) {
      const channel = xml.parse(site.file(feed).toString()).rss.channel;
      expect(channel.title, feed).toContain('Lagebild Ost');
      expect(channel.language, feed).toBe('de');
      expect(channel.image.url, feed).toBe(`${SITE_URL}/icon-512.png`);
      expect(channel.copyright, feed).toBe('Lagebild Ost, CC-BY-4.0');
    }
    for (const feed of ['/feed.json', '/actors/alice-adams/feed.json', '/corrections/feed.json']) {
      const json = JSON.parse(site.file(feed).toString());
      expect(json.title, feed).toContain('Lagebild Ost');
      expect(json.language, feed).toBe('de');
      expect(json.icon, feed).toBe(`${SITE_URL}/icon-512.png`);
      expect(json.favicon, feed).toBe(`${SITE_URL}/favicon-32.png`);
    }
  });

  test('puts the licence on every open-data file, which still validates against the schema the site publishes', () => {
    for (const name of ['briefings', 'actors', 'positions']) {
      const { data, errors } = openData(site, name);
      expect(errors, name).toEqual([]);
      expect(data.license, name).toEqual({ id: 'CC-BY-4.0', url: 'https://spdx.org/licenses/CC-BY-4.0.html' });
    }
  });

  test('applies the accent through a stylesheet of its own, for both themes', () => {
    const $ = site.page('/');
    expect($('link[rel="stylesheet"][href="/brand/accent.css"]').length).toBe(1);
    const css = site.file('/brand/accent.css').toString();
    expect(css).toContain('html:root { --accent: #1f5c3a; }');
    expect(css).toMatch(/prefers-color-scheme: dark\) \{ html:root \{ --accent: #7fd0a0; \}/);
  });

  test('draws the name, logo, accent and date language on the share cards', async () => {
    const result = corpus.check();
    const jobs = planCards(result.model, withEnvOverrides(result.publication, {}));
    expect(new Set(jobs.map((j) => j.content.siteName))).toEqual(new Set(['Lagebild Ost']));
    expect(new Set(jobs.map((j) => j.content.brand?.accent))).toEqual(new Set(['#1f5c3a']));
    const briefing = jobs.find((j) => j.sitePath === '/briefings/second-round/og.png')!;
    const svg = await renderCardSvg(briefing.content);
    expect(svg).toContain('data:image/svg+xml;base64,');
    expect(svg).toContain('#1f5c3a');
    const card = await sharp(site.file('/briefings/second-round/og.png')).metadata();
    expect([card.width, card.height, card.format]).toEqual([1200, 630, 'png']);
  });
});

describe('favicons', () => {
  test('are linked from every page and exist at the sizes they claim', async () => {
    const $ = site.page('/actors/alice-adams/');
    expect($('link[rel="icon"]').map((_, l) => l.attribs.href).get()).toEqual(['/favicon.ico', '/favicon.svg']);
    expect($('link[rel="apple-touch-icon"]').attr('href')).toBe('/apple-touch-icon.png');
    for (const [file, size] of [['/favicon-32.png', 32], ['/apple-touch-icon.png', 180], ['/icon-512.png', 512]] as const) {
      const meta = await sharp(site.file(file)).metadata();
      expect([meta.format, meta.width, meta.height], file).toEqual(['png', size, size]);
    }
    // The apple-touch-icon is opaque: iOS paints transparent pixels black.
    expect((await sharp(site.file('/apple-touch-icon.png')).stats()).isOpaque).toBe(true);
    expect(site.file('/favicon.svg').toString()).toBe(LOGO_SVG);
  });

  test('/favicon.ico is an icon file with 16, 32 and 48 px images', () => {
    const ico = site.file('/favicon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    const sizes = [0, 1, 2].map((i) => ico[6 + i * 16]);
    expect(sizes).toEqual([16, 32, 48]);
  });
});

describe('the publishing schedule', () => {
  const secrets = ['TOMORROWTITLE', 'SCHEDULEDBODY', 'morning-statement', 'adams-scheduled-stance', 'DAYAFTERTITLE', 'DAYAFTERBODY', 'day-after'];

  test.each(secrets)('a briefing not yet due leaves no trace of %j in any output file', (secret) => {
    const needle = Buffer.from(secret);
    const hits = listFiles(site.outDir).filter((file) => file.includes(secret) || readOutput(path.join(site.outDir, file)).includes(needle));
    expect(hits).toEqual([]);
    expect(corpus.read('published-urls.txt')).not.toContain(secret);
  });

  test('the build says when the next briefing is due, and leaves it in the build cache for a scheduled job', () => {
    expect(site.output).toContain('scheduled: 2 held back; next due 2022-02-01T06:00:00.000Z');
    const cacheDir = path.join(site.outDir, '..', `${path.basename(site.outDir)}-cache`);
    const schedule = JSON.parse(readOutput(path.join(cacheDir, 'briefing-schedule.json')).toString());
    expect(schedule).toMatchObject({ heldBack: 2, nextDue: '2022-02-01T06:00:00.000Z', next: { slug: 'morning-statement' } });
  });

  test('once it is due, the briefing, its position and its card are published; the other still waits', () => {
    const later = buildAsUser({ contentDir: corpus.contentDir, env: { SITE_URL, BRIEFINGS_NOW: AFTER } });
    try {
      expect(later.ok, later.output).toBe(true);
      expect(later.page('/briefings/morning-statement/')('h1').text()).toBe('TOMORROWTITLE');
      expect(later.exists('/positions/adams-scheduled-stance/')).toBe(true);
      expect(later.exists('/briefings/morning-statement/og.png')).toBe(true);
      expect(later.file('/rss.xml').toString()).toContain('TOMORROWTITLE');
      expect(later.exists('/briefings/day-after/')).toBe(false);
      expect(later.output).toContain('scheduled: 1 held back; next due 2022-02-02T00:00:00.000Z');
    } finally {
      removeBuild(later);
    }
  });
});
