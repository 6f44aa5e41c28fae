import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES, tempCorpus } from '../helpers/corpus.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';


const SITE_YAML = readFileSync(path.join(FIXTURES, 'publication/site.yaml'), 'utf8');
const LOGO_SVG = readFileSync(path.join(FIXTURES, 'publication/brand/logo.svg'), 'utf8');

/** `npm run dev` with a site.yaml and a briefing scheduled for tomorrow: both show while the author works. */
describe('astro dev with content/site.yaml and a scheduled briefing', () => {
  const corpus = tempCorpus('basic');
  let dev: DevServer;

  beforeAll(async () => {
    corpus.write('site.yaml', SITE_YAML);
    corpus.write('brand/logo.svg', LOGO_SVG);
    const file = 'briefings/second-round.md';
    corpus.write(file, corpus.read(file).replace('date: 2022-01-20\n', 'date: 2022-01-20\npublish: 2026-01-02T09:30:00+01:00\n'));
    dev = await startDevServer({ contentDir: corpus.contentDir, cacheDir: path.join(corpus.root, 'astro-cache'), env: { BRIEFINGS_NOW: '2026-01-01T12:00:00Z' } });
  });

  afterAll(() => {
    dev?.stop();
    corpus.cleanup();
  });

  const page = async (sitePath: string) => cheerio.load(await (await fetch(`${dev.base}${sitePath}`)).text());

  test('the scheduled briefing is there, marked with the moment it is due', async () => {
    const $ = await page('/briefings/second-round/');
    expect($('h1').text()).toBe('Second round');
    expect($('.draft-badge time').attr('datetime')).toBe('2026-01-02T08:30:00.000Z');
    expect($('.draft-badge').text()).toBe('Scheduled for 2. Januar 2026 um 08:30 UTC');
    expect((await page('/briefings/'))('.briefing-summary .draft-badge').text()).toContain('Scheduled for');
  });

  test('pages carry the publication; its icons, logo and accent are served', async () => {
    const $ = await page('/');
    expect($('html').attr('lang')).toBe('de');
    expect($('.site-name').text().trim()).toBe('Lagebild Ost');
    for (const asset of ['/favicon.ico', '/favicon.svg', '/apple-touch-icon.png', '/brand/logo.svg', '/brand/accent.css']) {
      const response = await fetch(`${dev.base}${asset}`);
      expect(response.status, asset).toBe(200);
    }
    expect(await (await fetch(`${dev.base}/brand/logo.svg`)).text()).toBe(LOGO_SVG);
  });
});
