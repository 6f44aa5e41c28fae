import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuildResult } from '../helpers/build.ts';
import { tempCorpus } from '../helpers/corpus.ts';
import { brokenLinks, collectLinks, duplicateIds, listFiles, pageUrl } from '../helpers/links.ts';
import { readOutput } from '../helpers/output.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

// A copy of the fixture: a build writes its ledger of published URLs beside the content.
const corpus = tempCorpus('basic');
const CONTENT = corpus.contentDir;
afterAll(() => corpus.cleanup());
const DEFAULT_SITE = 'http://localhost:4321';

/** What the basic fixture publishes (its draft, secret-plan.mdx, is left out). */
const BRIEFINGS = {
  'first-talks': {
    format: 'mdx',
    positions: { 'adams-no-deal': 'alice-adams', 'brown-hopeful': 'bob-brown' },
    sources: { wire: 'https://example.org/wire', transcript: 'https://example.org/transcript' },
  },
  'second-round': {
    format: 'md',
    positions: { 'adams-sanctions': 'alice-adams' },
    sources: { wire: 'https://example.org/wire2' },
  },
} as const;
const ACTORS = ['alice-adams', 'bob-brown', 'freedonia', 'quiet-org'];
const TOPICS = ['talks', 'sanctions'];
const POSITIONS = Object.values(BRIEFINGS).flatMap((b) => Object.keys(b.positions));
/** Each position's briefing and actor, from the table above. */
const POSITION_HOMES = Object.entries(BRIEFINGS).flatMap(([slug, b]) =>
  Object.entries(b.positions).map(([id, actor]) => ({ id, actor, slug })),
);

const htmlFiles = (build: BuildResult) => listFiles(build.outDir).filter((f) => f.endsWith('.html'));
const load = (build: BuildResult, file: string) => cheerio.load(readFileSync(path.join(build.outDir, file), 'utf8'));
/** An element by id, without building a CSS selector from the id. */
const byId = ($: cheerio.CheerioAPI, id: string) => $('[id]').filter((_, el) => $(el).attr('id') === id);

let build: BuildResult;
beforeAll(() => {
  build = buildAsUser({ contentDir: CONTENT });
  if (!build.ok) throw new Error(`astro build failed:\n${build.output}`);
});
afterAll(() => removeBuild(build));

describe('astro build of the basic fixture', () => {
  test.each([
    '/',
    '/briefings/',
    ...Object.keys(BRIEFINGS).map((slug) => `/briefings/${slug}/`),
    '/actors/',
    ...ACTORS.map((id) => `/actors/${id}/`),
    '/topics/',
    ...TOPICS.map((t) => `/topics/${t}/`),
    ...POSITIONS.map((id) => `/positions/${id}/`),
    '/404.html',
  ])('builds the page %s', (sitePath) => {
    expect(build.exists(sitePath)).toBe(true);
    expect(build.page(sitePath)('main h1').length).toBe(1);
  });

  test('lists every published briefing on the home page and on /briefings/', () => {
    for (const sitePath of ['/', '/briefings/']) {
      const $ = build.page(sitePath);
      const linked = $('main a[href^="/briefings/"]')
        .map((_, a) => $(a).attr('href'))
        .get()
        .filter((href) => /^\/briefings\/[^/#]+\/$/.test(href));
      expect(new Set(linked)).toEqual(new Set(Object.keys(BRIEFINGS).map((slug) => `/briefings/${slug}/`)));
    }
  });

  test('separates the date and the position count of each briefing in a list with a spaced dot', () => {
    const $ = build.page('/briefings/');
    const meta = $('main article p')
      .filter((_, p) => /\bpositions?\b/.test($(p).text()))
      .map((_, p) => $(p).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(meta).toHaveLength(Object.keys(BRIEFINGS).length);
    for (const line of meta) expect(line).toMatch(/\d{4} · \d+ positions?$/);
  });

  test('lists every actor on /actors/', () => {
    const $ = build.page('/actors/');
    const linked = $('main a[href^="/actors/"]')
      .map((_, a) => $(a).attr('href'))
      .get()
      .filter((href) => /^\/actors\/[^/#]+\/$/.test(href));
    expect(new Set(linked)).toEqual(new Set(ACTORS.map((id) => `/actors/${id}/`)));
  });

  test('the sitemap lists every page once, in path order, whatever order the pages were built in', () => {
    const locs = [...build.file('/sitemap-0.xml').toString('utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs.length).toBeGreaterThan(10);
    expect(locs).toEqual([...locs].sort());
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs).toContain('/actors/');
  });
});

describe('briefing pages', () => {
  test.each(POSITION_HOMES)(
    '/briefings/$slug/ has an element with id "$id" linking to the position on /actors/$actor/',
    ({ id, actor, slug }) => {
      const $ = build.page(`/briefings/${slug}/`);
      const card = byId($, id);
      expect(card.length).toBe(1);
      expect(card.find(`a[href="/actors/${actor}/#${id}"]`).length).toBe(1);
    },
  );

  test.each(Object.entries(BRIEFINGS).flatMap(([slug, b]) => Object.entries(b.sources).map(([id, url]) => ({ slug, id, url }))))(
    '/briefings/$slug/ lists the source "$id" as #source-$id, linking to $url',
    ({ slug, id, url }) => {
      const $ = build.page(`/briefings/${slug}/`);
      const item = byId($, `source-${id}`);
      expect(item.length).toBe(1);
      expect(item.find('a').map((_, a) => $(a).attr('href')).get()).toContain(url);
    },
  );

  test('shows the role a position gives itself, and the actor’s role otherwise', () => {
    const $ = build.page('/briefings/first-talks/');
    expect(byId($, 'brown-hopeful').text()).toContain('Special Envoy');
    expect(byId($, 'adams-no-deal').text()).toContain('Foreign Minister of Freedonia');
  });
});

describe('actor pages', () => {
  test.each(POSITION_HOMES)(
    '/actors/$actor/ has an element with id "$id" linking back to /briefings/$slug/#$id',
    ({ id, actor, slug }) => {
      const $ = build.page(`/actors/${actor}/`);
      const card = byId($, id);
      expect(card.length).toBe(1);
      expect(card.find(`a[href="/briefings/${slug}/#${id}"]`).length).toBe(1);
    },
  );

  test('lists an actor’s positions newest first', () => {
    const $ = build.page('/actors/alice-adams/');
    const cards = $('main [id]').filter((_, el) => POSITIONS.includes($(el).attr('id') ?? ''));
    // adams-sanctions is dated 2022-01-20 (second-round), adams-no-deal 2022-01-10 (first-talks).
    expect(cards.map((_, el) => $(el).attr('id')).get()).toEqual(['adams-sanctions', 'adams-no-deal']);
    const dates = cards.map((_, el) => $(el).find('time').first().attr('datetime')).get();
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('lists the briefing that mentions an actor with no positions', () => {
    const $ = build.page('/actors/quiet-org/');
    expect($('main [id]').filter((_, el) => POSITIONS.includes($(el).attr('id') ?? '')).length).toBe(0);
    expect($('main a[href="/briefings/first-talks/"]').length).toBeGreaterThan(0);
    expect($('main a[href="/briefings/second-round/"]').length).toBe(0);
  });
});

describe('Markdown in briefing bodies', () => {
  test.each(Object.entries(BRIEFINGS).map(([slug, b]) => ({ slug, format: b.format })))(
    'renders GFM tables, strikethrough and footnotes in the .$format briefing $slug',
    ({ slug }) => {
      const $ = build.page(`/briefings/${slug}/`);
      const body = $('main .prose');
      expect(body.find('table thead th').length).toBeGreaterThan(0);
      expect(body.find('table tbody td').length).toBeGreaterThan(0);
      expect(body.find('del').length).toBe(1);
      const footnotes = body.find('section[data-footnotes]');
      expect(footnotes.length).toBe(1);
      const ref = body.find('a[data-footnote-ref]');
      expect(ref.length).toBe(1);
      const target = (ref.attr('href') ?? '').slice(1);
      expect(footnotes.find('li').filter((_, li) => $(li).attr('id') === target).length).toBe(1);
    },
  );

  test('renders a checked task-list checkbox in the .mdx briefing', () => {
    const box = build.page('/briefings/first-talks/')('main .prose input[type="checkbox"]');
    expect(box.length).toBe(1);
    expect(box.is(':checked')).toBe(true);
    expect(box.is(':disabled')).toBe(true);
  });

  test('renders <Actor> as a link to the actor page, with its children as the text when given', () => {
    const $ = build.page('/briefings/first-talks/');
    expect($('main .prose a[href="/actors/alice-adams/"]').text()).toBe('Alice Adams');
    expect($('main .prose a[href="/actors/bob-brown/"]').text()).toBe('the envoy');
  });
});

describe('<Cite> and the source list', () => {
  const sourceIds = Object.keys(BRIEFINGS['first-talks'].sources);

  test.each(sourceIds.map((id) => ({ id })))('renders each citation of "$id" as its number in the source list, linking to #source-$id', ({ id }) => {
    const $ = build.page('/briefings/first-talks/');
    const items = $('main [id^="source-"]').map((_, el) => $(el).attr('id')).get();
    const number = items.indexOf(`source-${id}`) + 1;
    expect(number).toBeGreaterThan(0);
    const citations = $('main .prose [id]').filter((_, el) => ($(el).attr('id') ?? '').startsWith(`cite-${id}-`));
    expect(citations.length).toBeGreaterThan(0);
    citations.each((_, el) => {
      const link = $(el).find('a');
      expect(link.attr('href')).toBe(`#source-${id}`);
      // The visible text is the number; the source's title follows it for screen readers only.
      const visible = link.clone();
      visible.find('.sr-only').remove();
      expect(visible.text()).toBe(`[${number}]`);
      expect(link.find('.sr-only').text()).toMatch(/^ Source: /);
    });
  });

  test('gives the n-th citation of a source the id cite-<source>-<n>', () => {
    const $ = build.page('/briefings/first-talks/');
    const ids = $('main .prose [id^="cite-"]').map((_, el) => $(el).attr('id')).get();
    // The body cites wire, wire, transcript, in that order.
    expect(ids).toEqual(['cite-wire-1', 'cite-wire-2', 'cite-transcript-1']);
  });

  test.each(sourceIds.map((id) => ({ id })))('links the source list entry of "$id" back to each of its citations', ({ id }) => {
    const $ = build.page('/briefings/first-talks/');
    const citations = $('main .prose [id]')
      .map((_, el) => $(el).attr('id'))
      .get()
      .filter((cid) => cid.startsWith(`cite-${id}-`));
    const backlinks = byId($, `source-${id}`)
      .find('a[href^="#cite-"]')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(backlinks).toEqual(citations.map((cid) => `#${cid}`));
  });
});

describe('frontmatter text in pages', () => {
  test('comes out as text, with its angle brackets and ampersands intact', () => {
    const $ = build.page('/briefings/first-talks/');
    expect($('main h1').text()).toBe('First talks <script>alert(1)</script>');
    expect($('main').text()).toContain('Alice & Bob meet; <b>nothing</b> is agreed.');
    expect($('main').text()).toContain("There is no deal <yet> & there won't be one soon.");
    expect($('title').text()).toContain('First talks <script>alert(1)</script>');
    expect($('meta[property="og:title"]').attr('content')).toBe('First talks <script>alert(1)</script>');
  });

  test('never becomes markup: no page has a <b> or <yet> element', () => {
    const offenders = htmlFiles(build).filter((file) => load(build, file)('b, yet').length > 0);
    expect(offenders).toEqual([]);
  });

  test('never becomes a script: no page runs a <script> holding frontmatter text', () => {
    const offenders: string[] = [];
    for (const file of htmlFiles(build)) {
      const $ = load(build, file);
      $('script').each((_, el) => {
        const code = $(el).html() ?? '';
        const type = $(el).attr('type');
        if (type === 'application/ld+json') {
          // Data, not code: it must parse, and hold no "<" that could close the element early.
          if (code.includes('<')) offenders.push(`${file}: JSON-LD with a raw "<"`);
          expect(() => JSON.parse(code), `${file}: JSON-LD that does not parse`).not.toThrow();
        } else if (code.includes('alert(1)')) {
          offenders.push(`${file}: <script${type ? ` type="${type}"` : ''}> runs ${JSON.stringify(code.slice(0, 80))}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });
});

describe('search index', () => {
  test('every page marked for search is in exactly one search bundle: positions and briefings by year, the rest in the main one', () => {
    const marked = htmlFiles(build).filter((file) => load(build, file)('[data-pagefind-body]').length > 0);
    const line = /search index: (\d+) pages in (\d+) bundles; indexed ([^;]+); 0 unchanged/.exec(build.output);
    expect(line, build.output).not.toBeNull();
    expect(Number(line![1])).toBe(marked.length);
    const listed = (JSON.parse(build.file('/pagefind/bundles.json').toString('utf8')) as { bundles: string[] }).bundles;
    expect(listed[0]).toBe('pagefind');
    expect(listed.length).toBe(Number(line![2]));
    // Each bundle's own count of pages adds up to the marked pages: none left out, none in two.
    const pagesIn = (bundle: string) => Object.values((JSON.parse(build.file(`/${bundle}/pagefind-entry.json`).toString('utf8')) as { languages: Record<string, { page_count: number }> }).languages).reduce((sum, l) => sum + l.page_count, 0);
    expect(listed.reduce((sum, bundle) => sum + pagesIn(bundle), 0)).toBe(marked.length);
    const positionBundles = listed.filter((b) => b.startsWith('pagefind-positions-'));
    expect(positionBundles.reduce((sum, bundle) => sum + pagesIn(bundle), 0)).toBe(marked.filter((file) => /^positions\/[^/]+\/index\.html$/.test(file)).length);
    expect(listed.filter((b) => b.startsWith('pagefind-briefings-')).length).toBeGreaterThan(0);
  });
});

describe('drafts', () => {
  const secrets = ['DRAFTSECRET', 'secret-plan', 'adams-draft-position'];

  test('leave no page, folder or file name behind', () => {
    const all = listFiles(build.outDir);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((file) => secrets.some((s) => file.includes(s)))).toEqual([]);
  });

  test.each(secrets)('leave no trace of %j in any output file, text or binary, compressed or not', (secret) => {
    const needle = Buffer.from(secret);
    const hits = listFiles(build.outDir).filter((file) => readOutput(path.join(build.outDir, file)).includes(needle));
    expect(hits).toEqual([]);
  });
});

describe('links', () => {
  test('every internal link and canonical URL points at a built page, and every #fragment at an element there', () => {
    const links = collectLinks({ outDir: build.outDir, site: DEFAULT_SITE, base: '/' });
    expect(links.length).toBeGreaterThan(100);
    expect(brokenLinks({ outDir: build.outDir, site: DEFAULT_SITE, base: '/' })).toEqual([]);
  });

  test('no page uses the same id twice', () => {
    expect(duplicateIds(build.outDir)).toEqual([]);
  });

  test('every page’s canonical URL is its own address', () => {
    const mismatched = htmlFiles(build)
      .filter((file) => file !== '404.html')
      .map((file) => [file, load(build, file)('link[rel="canonical"]').attr('href'), pageUrl(file, { site: DEFAULT_SITE, base: '/' }).href])
      .filter(([, canonical, own]) => canonical !== own);
    expect(mismatched).toEqual([]);
  });

  test('every share image named in og:image or twitter:image was built', () => {
    const selectors = [
      ['meta[property="og:image"]', 'content'],
      ['meta[name="twitter:image"]', 'content'],
    ] as const;
    expect(collectLinks({ outDir: build.outDir, site: DEFAULT_SITE, base: '/' }, selectors).length).toBeGreaterThan(0);
    expect(brokenLinks({ outDir: build.outDir, site: DEFAULT_SITE, base: '/' }, selectors)).toEqual([]);
  });
});

describe('astro build with BASE_PATH=/desk and SITE_URL=https://example.org', () => {
  const SITE = 'https://example.org';
  const BASE = '/desk/';
  let desk: BuildResult;
  beforeAll(() => {
    desk = buildAsUser({ contentDir: CONTENT, env: { BASE_PATH: '/desk', SITE_URL: SITE } });
    if (!desk.ok) throw new Error(`astro build failed:\n${desk.output}`);
  });
  afterAll(() => removeBuild(desk));

  test('starts every link written relative to the site with /desk/', () => {
    const relative = collectLinks({ outDir: desk.outDir, site: SITE, base: BASE }).filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link.raw));
    expect(relative.filter((link) => link.raw.startsWith('/')).length).toBeGreaterThan(50);
    const outside = relative.filter((link) => !link.url.pathname.startsWith(BASE)).map((link) => `${link.page}: ${link.raw}`);
    expect(outside).toEqual([]);
  });

  test('gives every page the canonical URL https://example.org/desk/<path>', () => {
    const mismatched = htmlFiles(desk)
      .filter((file) => file !== '404.html')
      .map((file) => [file, load(desk, file)('link[rel="canonical"]').attr('href'), pageUrl(file, { site: SITE, base: BASE }).href])
      .filter(([, canonical, own]) => canonical !== own);
    expect(pageUrl('actors/alice-adams/index.html', { site: SITE, base: BASE }).href).toBe('https://example.org/desk/actors/alice-adams/');
    expect(mismatched).toEqual([]);
  });

  test('passes the same link check with the base stripped', () => {
    expect(brokenLinks({ outDir: desk.outDir, site: SITE, base: BASE })).toEqual([]);
  });
});
