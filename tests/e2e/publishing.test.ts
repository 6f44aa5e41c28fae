/**
 * What a publisher relies on when `dist/` goes live: the same input builds the same
 * bytes, the site works under a base path, feeds and JSON-LD are well-formed and
 * absolute, the security headers and CSP hold, the open data matches its published
 * schemas, and every share card is a real 1200×630 PNG.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import type { BuildResult } from '../helpers/build.ts';
import { edit, PROJECT_ROOT, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { brokenLinks, collectLinks, listFiles } from '../helpers/links.ts';
import { serveDist } from '../helpers/serve.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

const EXAMPLE = path.join(PROJECT_ROOT, 'content');
const DEFAULT_SITE = 'http://localhost:4321';

const htmlFiles = (build: BuildResult) => listFiles(build.outDir).filter((f) => f.endsWith('.html'));
const read = (build: BuildResult, file: string) => readFileSync(path.join(build.outDir, file), 'utf8');
const load = (build: BuildResult, file: string) => cheerio.load(read(build, file));

function built(options: Parameters<typeof buildAsUser>[0]): BuildResult {
  const build = buildAsUser(options);
  if (!build.ok) throw new Error(`astro build failed:\n${build.output}`);
  return build;
}

/** The example site with the default SITE_URL and base, used by most checks below. */
let site: BuildResult;
/** A card cache no build has used: every share card of `site` is rendered in this build. */
let coldCards: string;
beforeAll(() => {
  coldCards = mkdtempSync(path.join(tmpdir(), 'briefing-cards-cold-'));
  site = built({ contentDir: EXAMPLE, env: { CARD_CACHE_DIR: coldCards } });
});
afterAll(() => {
  removeBuild(site);
  if (coldCards) rmSync(coldCards, { recursive: true, force: true });
});

describe('deterministic output', () => {
  let again: BuildResult;
  beforeAll(() => {
    // The second build reads share cards from the project's shared card cache (rendered
    // by earlier builds, in other processes), the first rendered every card itself; each
    // build has its own fresh Astro cache. Same content must give the same bytes anyway.
    again = built({ contentDir: EXAMPLE });
  });
  afterAll(() => removeBuild(again));

  test('building the example content twice gives byte-identical files', () => {
    const hashes = (build: BuildResult) =>
      new Map(listFiles(build.outDir).map((f) => [f, createHash('sha256').update(readFileSync(path.join(build.outDir, f))).digest('hex')]));
    // The first build really did render its cards: they are in its own card cache.
    expect(listFiles(coldCards).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(20);
    const a = hashes(site);
    const b = hashes(again);
    expect(a.size).toBeGreaterThan(100);

    const onlyFirst = [...a.keys()].filter((f) => !b.has(f));
    const onlySecond = [...b.keys()].filter((f) => !a.has(f));
    const changed = [...a.keys()].filter((f) => b.has(f) && a.get(f) !== b.get(f));
    /** Where two text files first differ, to make a failure easy to chase. */
    const firstDifference = (file: string) => {
      if (!/\.(html|xml|json|txt|css|js|_headers)$|_headers$/.test(file)) return `${file} (binary)`;
      const [x, y] = [read(site, file), read(again, file)];
      let i = 0;
      while (i < x.length && x[i] === y[i]) i++;
      return `${file} at character ${i}:\n    first:  ${JSON.stringify(x.slice(Math.max(0, i - 60), i + 60))}\n    second: ${JSON.stringify(y.slice(Math.max(0, i - 60), i + 60))}`;
    };
    const report = [
      ...onlyFirst.map((f) => `only in the first build: ${f}`),
      ...onlySecond.map((f) => `only in the second build: ${f}`),
      ...changed.map((f) => `differs: ${f}`),
      ...changed.slice(0, 3).map(firstDifference),
    ];
    expect(report, report.join('\n')).toEqual([]);
  });
});

describe('BASE_PATH=/briefings-desk with SITE_URL=https://desk.example.org', () => {
  const SITE = 'https://desk.example.org';
  const BASE = '/briefings-desk/';
  const ROOT = `${SITE}${BASE}`;
  let desk: BuildResult;
  beforeAll(() => {
    desk = built({ contentDir: EXAMPLE, env: { BASE_PATH: '/briefings-desk', SITE_URL: SITE } });
  });
  afterAll(() => removeBuild(desk));

  /** Why a URL written in the built site is wrong for this base path, or undefined if it is right. */
  function misplaced(raw: string): string | undefined {
    const value = raw.trim();
    if (value === '' || value.startsWith('#')) return undefined; // same page
    if (/^(mailto|tel|data):/i.test(value)) return undefined;
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) {
      const url = new URL(value, SITE);
      if (url.origin !== SITE) return undefined; // another site
      return url.href.startsWith(ROOT) ? undefined : `absolute URL of this site outside ${ROOT}`;
    }
    return value.startsWith(BASE) ? undefined : `internal URL not starting with ${BASE}`;
  }

  test('every internal href, src, srcset, action and data-base of every page starts with /briefings-desk/', () => {
    const problems: string[] = [];
    let internal = 0;
    for (const file of htmlFiles(desk)) {
      const $ = load(desk, file);
      const check = (attribute: string, value: string | undefined) => {
        if (value === undefined) return;
        const why = misplaced(value);
        if (why) problems.push(`${file}: ${attribute}=${JSON.stringify(value)}: ${why}`);
        else if (!/^#|^[a-z][a-z0-9+.-]*:/i.test(value)) internal++;
      };
      for (const attribute of ['href', 'src', 'action', 'data-base', 'poster']) {
        $(`[${attribute}]`).each((_, el) => check(attribute, $(el).attr(attribute)));
      }
      $('[srcset]').each((_, el) => {
        for (const candidate of ($(el).attr('srcset') ?? '').split(',')) check('srcset', candidate.trim().split(/\s+/)[0]);
      });
      $('meta[content]').each((_, el) => {
        const content = $(el).attr('content') ?? '';
        if (/^(https?:)?\/\//.test(content)) check(`meta ${$(el).attr('property') ?? $(el).attr('name')}`, content);
      });
    }
    expect(internal, 'the check saw the site’s internal links').toBeGreaterThan(200);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('canonical, og:url, og:image and twitter:image are absolute under https://desk.example.org/briefings-desk/ (404: no canonical)', () => {
    const problems: string[] = [];
    for (const file of htmlFiles(desk)) {
      const $ = load(desk, file);
      const urls = {
        canonical: $('link[rel="canonical"]').attr('href'),
        'og:url': $('meta[property="og:url"]').attr('content'),
        'og:image': $('meta[property="og:image"]').attr('content'),
        'twitter:image': $('meta[name="twitter:image"]').attr('content'),
      };
      for (const [name, value] of Object.entries(urls)) {
        // The 404 page is served at every missing URL: it has no address of its own to declare.
        if (file === '404.html' && (name === 'canonical' || name === 'og:url')) {
          if (value !== undefined) problems.push(`${file}: ${name} = ${JSON.stringify(value)}, but the 404 page has no address`);
        } else if (!value?.startsWith(ROOT)) problems.push(`${file}: ${name} = ${JSON.stringify(value)}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    expect(load(desk, 'actors/sergey-lavrov/index.html')('link[rel="canonical"]').attr('href')).toBe(`${ROOT}actors/sergey-lavrov/`);
  });

  test('feeds, sitemap, robots.txt and open data link to absolute URLs under the base', () => {
    const problems: string[] = [];
    const files = listFiles(desk.outDir).filter((f) => /\.(xml|json)$|^robots\.txt$/.test(f) && !f.startsWith('pagefind/'));
    expect(files).toEqual(expect.arrayContaining(['rss.xml', 'feed.json', 'sitemap-index.xml', 'robots.txt', 'data/positions.json']));
    for (const file of files) {
      for (const match of read(desk, file).matchAll(/https?:\/\/[^\s"'<>)]+/g)) {
        const url = match[0];
        if (new URL(url).host === new URL(SITE).host && !url.startsWith(ROOT)) problems.push(`${file}: ${url}`);
        if (/localhost:4321/.test(url)) problems.push(`${file}: the default SITE_URL leaked: ${url}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);

    const rss = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(read(desk, 'rss.xml'));
    const channel = rss.rss.channel;
    expect(channel.link).toBe(ROOT);
    expect(channel.item.length).toBeGreaterThan(0);
    for (const item of channel.item) {
      expect(item.link).toMatch(new RegExp(`^${ROOT}briefings/[^/]+/$`));
      expect(item.guid['#text']).toBe(item.link);
    }
    const feed = JSON.parse(read(desk, 'feed.json'));
    expect(feed.home_page_url).toBe(ROOT);
    expect(feed.feed_url).toBe(`${ROOT}feed.json`);
    expect(read(desk, 'robots.txt')).toContain(`Sitemap: ${ROOT}sitemap-index.xml`);
  });

  test('passes the link check: every internal link and #fragment resolves within the base path', () => {
    const where = { outDir: desk.outDir, site: SITE, base: BASE };
    expect(collectLinks(where).length).toBeGreaterThan(200);
    const broken = brokenLinks(where);
    expect(broken, broken.join('\n')).toEqual([]);
    // The check is not vacuous: the same output checked for another base has every internal link outside it.
    expect(brokenLinks({ ...where, base: '/elsewhere/' }).length).toBeGreaterThan(100);
  });

  test('search works in a browser when the site is served under /briefings-desk/', async () => {
    const server = await serveDist(desk.outDir, '/briefings-desk');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) failed.push(message.text());
      });
      expect(server.url).toMatch(/\/briefings-desk\/$/);
      await page.goto(new URL('search/', server.url).href);
      await page.locator('#search-input').pressSequentially('Лавров', { delay: 20 });
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 }).toMatch(/results? for “Лавров”/);
      const found = await page.locator('#search-results a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
      expect(found).toContain('/briefings-desk/actors/sergey-lavrov/');
      expect(found.filter((p) => !p.startsWith('/briefings-desk/')), 'result links outside the base').toEqual([]);

      // Following the result lands on the actor page, served from under the base path.
      await page.locator('#search-results a[href$="/actors/sergey-lavrov/"]').first().click();
      await page.waitForURL(/\/briefings-desk\/actors\/sergey-lavrov\/$/);
      await expect.poll(() => page.locator('main h1').textContent()).toBe('Sergey Lavrov');
      expect(failed, failed.join('\n')).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('feeds', () => {
  const XML_FEEDS = ['rss.xml', 'actors/sergey-lavrov/rss.xml', 'topics/security-guarantees/rss.xml'];
  const JSON_FEEDS = ['feed.json', 'actors/sergey-lavrov/feed.json', 'topics/security-guarantees/feed.json'];
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'item' || name === 'category',
  });

  interface RssItem {
    title: string;
    link: string;
    description: string;
    guid: { '#text': string };
  }
  const channelOf = (xml: string) => parser.parse(xml).rss.channel as { title: string; link: string; item: RssItem[] };

  test.each(XML_FEEDS)('%s is well-formed XML with absolute item links', (file) => {
    const xml = read(site, file);
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = channelOf(xml);
    expect(channel.link).toMatch(/^https?:\/\//);
    expect(channel.item.length).toBeGreaterThan(0);
    for (const item of channel.item) {
      expect(item.link).toMatch(new RegExp(`^${DEFAULT_SITE}/(briefings|positions)/[^/]+/$`));
      expect(item.guid['#text']).toBe(item.link);
    }
  });

  test.each(JSON_FEEDS)('%s is JSON Feed 1.1 with absolute URLs', (file) => {
    const feed = JSON.parse(read(site, file));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.home_page_url).toMatch(/^https?:\/\//);
    expect(feed.feed_url).toBe(`${DEFAULT_SITE}/${file}`);
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.url).toMatch(new RegExp(`^${DEFAULT_SITE}/`));
      expect(typeof item.id).toBe('string');
    }
  });

  describe('with <, & and Cyrillic in a briefing’s title, summary and quote', () => {
    // The basic fixture's first briefing already has `<script>` in its title, `&` and
    // `<b>` in its summary, and `<yet> &` in a quote; the title gains `&` and Cyrillic here.
    const TITLE = 'First talks <script>alert(1)</script> & “Переговоры” — Лавров';
    const SUMMARY = 'Alice & Bob meet; <b>nothing</b> is agreed.';
    const QUOTE = "There is no deal <yet> & there won't be one soon.";
    let corpus: TempCorpus;
    let tricky: BuildResult;
    beforeAll(() => {
      corpus = tempCorpus('basic');
      edit(corpus, 'briefings/first-talks.mdx', 'title: "First talks <script>alert(1)</script>"', `title: ${JSON.stringify(TITLE)}`);
      expect(corpus.read('briefings/first-talks.mdx')).toContain(SUMMARY);
      tricky = built({ contentDir: corpus.contentDir });
    });
    afterAll(() => {
      removeBuild(tricky);
      corpus?.cleanup();
    });

    /** The XML with CDATA sections removed: what is left must hold no raw markup from content. */
    const outsideCdata = (xml: string) => xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');

    /** An RSS description as a feed reader shows it: XML-decoded (by the parser), then read as HTML. */
    const asReaderShowsIt = (html: string) => cheerio.load(html, null, false).text();

    test.each(['rss.xml', 'actors/alice-adams/rss.xml', 'topics/talks/rss.xml'])('%s is well-formed and gives the text back exactly, descriptions as the HTML readers take them for', (file) => {
      const xml = read(tricky, file);
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(outsideCdata(xml)).not.toMatch(/<(script|b|yet)\b/);
      expect(xml, 'Cyrillic is written as UTF-8 text').toContain('Переговоры');
      const items = channelOf(xml).item;
      const texts = items.flatMap((item) => [item.title, asReaderShowsIt(item.description)]);
      if (file === 'rss.xml') {
        const item = items.find((i) => i.link.endsWith('/briefings/first-talks/'));
        expect(item?.title).toBe(TITLE);
        expect(asReaderShowsIt(item!.description)).toBe(SUMMARY);
      } else {
        // Position feeds: the quote in the description, and the briefing it comes from.
        expect(texts.some((t) => t.includes(QUOTE)), texts.join('\n')).toBe(true);
        expect(texts.some((t) => t.includes(TITLE)), texts.join('\n')).toBe(true);
      }
      // Nothing was escaped twice.
      for (const text of texts) expect(text).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
    });

    test.each(['feed.json', 'actors/alice-adams/feed.json', 'topics/talks/feed.json'])('%s gives the text back exactly', (file) => {
      const feed = JSON.parse(read(tricky, file));
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      const texts: string[] = feed.items.flatMap((item: Record<string, unknown>) =>
        ['title', 'summary', 'content_text'].map((key) => item[key]).filter((v): v is string => typeof v === 'string'),
      );
      expect(texts.some((t) => t.includes(TITLE)), texts.join('\n')).toBe(true);
      for (const text of texts) expect(text).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
      for (const item of feed.items) {
        if (typeof item.content_html === 'string') expect(item.content_html).not.toMatch(/<script|<yet\b|<b>/);
      }
    });

    test('the briefing’s JSON-LD holds the title exactly and cannot end its <script> element', () => {
      const $ = load(tricky, 'briefings/first-talks/index.html');
      const blocks = $('script[type="application/ld+json"]').map((_, el) => $(el).html() ?? '').get();
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) expect(block).not.toMatch(/<\/?script/i);
      const article = blocks.map((b) => JSON.parse(b)).find((d) => d['@type'] === 'NewsArticle');
      expect(article?.headline).toBe(TITLE);
    });
  });
});

describe('JSON-LD', () => {
  type Node = Record<string, unknown>;
  /** Every JSON-LD object of a page, including those inside @graph. */
  const nodesOf = (file: string): Node[] => {
    const $ = load(site, file);
    const nodes = $('script[type="application/ld+json"]')
      .map((_, el) => JSON.parse($(el).html() ?? '') as Node)
      .get() as Node[];
    return nodes.flatMap((node) => [node, ...((node['@graph'] as Node[] | undefined) ?? [])]);
  };

  test('every page’s ld+json parses as JSON', () => {
    const problems: string[] = [];
    let blocks = 0;
    for (const file of htmlFiles(site)) {
      const $ = load(site, file);
      $('script[type="application/ld+json"]').each((_, el) => {
        blocks++;
        try {
          JSON.parse($(el).html() ?? '');
        } catch (error) {
          problems.push(`${file}: ${(error as Error).message}`);
        }
      });
    }
    expect(blocks).toBeGreaterThan(20);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test.each(['lavrov-security-guarantees', 'baerbock-moscow-visit', 'written-answers-delivered'])(
    'the briefing %s is a NewsArticle with datePublished, dateModified, author and citation',
    (slug) => {
      const article = nodesOf(`briefings/${slug}/index.html`).find((n) => n['@type'] === 'NewsArticle');
      expect(article).toBeDefined();
      expect(article!.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(article!.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(String(article!.dateModified) >= String(article!.datePublished)).toBe(true);
      const authors = [article!.author].flat() as Node[];
      expect(authors.length).toBeGreaterThan(0);
      for (const author of authors) expect(author.name).toEqual(expect.any(String));
      const citations = [article!.citation].flat() as Node[];
      expect(citations.length).toBeGreaterThan(0);
      for (const citation of citations) expect(citation.url).toMatch(/^https?:\/\//);
      expect(article!.url).toBe(`${DEFAULT_SITE}/briefings/${slug}/`);
    },
  );

  test('every position page is a Quotation with creator, text, isBasedOn and dateCreated', () => {
    const files = htmlFiles(site).filter((f) => /^positions\/[^/]+\/index\.html$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const quotation = nodesOf(file).find((n) => n['@type'] === 'Quotation');
      expect(quotation, file).toBeDefined();
      expect((quotation!.creator as Node)?.name, file).toEqual(expect.any(String));
      expect(quotation!.text, file).toEqual(expect.any(String));
      expect(String(quotation!.text).length, file).toBeGreaterThan(0);
      expect(quotation!.dateCreated, file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const basedOn = [quotation!.isBasedOn].flat() as Node[];
      expect(basedOn.length, file).toBeGreaterThan(0);
      for (const source of basedOn) expect(source.url, file).toMatch(/^https?:\/\//);
    }
    const patience = nodesOf('positions/lavrov-patience-run-out/index.html').find((n) => n['@type'] === 'Quotation')!;
    expect(patience.text).toBe('We have run out of patience.');
    expect((patience.creator as Node).name).toBe('Sergey Lavrov');
    expect(patience.dateCreated).toBe('2022-01-14');
  });
});

describe('security headers and Content-Security-Policy', () => {
  test('_headers sends Content-Security-Policy, X-Content-Type-Options and Referrer-Policy for every path', () => {
    const headers = read(site, '_headers');
    const block = headers.split(/\n(?=\S)/).find((b) => b.startsWith('/*\n'));
    expect(block, headers).toBeDefined();
    const values = Object.fromEntries(
      block!
        .split('\n')
        .slice(1)
        .map((line) => /^\s+([\w-]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!.toLowerCase(), m[2]!]),
    );
    expect(values['content-security-policy']).toMatch(/default-src 'self'/);
    expect(values['content-security-policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(values['x-content-type-options']).toBe('nosniff');
    expect(values['referrer-policy']).toEqual(expect.any(String));
  });

  test('every page has the CSP <meta>, allows no inline script or style, and has none', () => {
    const problems: string[] = [];
    for (const file of htmlFiles(site)) {
      const html = read(site, file);
      // Nothing may follow </html> (a script there is a parse error that browsers move into <body>).
      if (!html.trimEnd().endsWith('</html>')) problems.push(`${file}: ${JSON.stringify(html.slice(html.lastIndexOf('</html>')).slice(0, 120))} after </html>`);
      const $ = cheerio.load(html);
      const csp = $('meta[http-equiv="Content-Security-Policy"]');
      if (csp.length !== 1) problems.push(`${file}: ${csp.length} CSP <meta> elements`);
      const policy = csp.attr('content') ?? '';
      for (const directive of ['script-src', 'style-src']) {
        const value = new RegExp(`${directive} ([^;]*)`).exec(policy)?.[1];
        if (!value) problems.push(`${file}: CSP has no ${directive}`);
        else if (/'unsafe-inline'|'unsafe-eval'|\*/.test(value)) problems.push(`${file}: CSP ${directive} ${value}`);
      }
      // The <meta> must come before anything it is meant to govern.
      if ($('head > *').first().is('meta[charset]') ? !$('head > *').eq(1).is(csp) : !$('head > *').first().is(csp)) {
        problems.push(`${file}: the CSP <meta> is not at the top of <head>`);
      }
      $('script').each((_, el) => {
        const type = $(el).attr('type');
        if (!$(el).attr('src') && type !== 'application/ld+json') problems.push(`${file}: inline <script${type ? ` type="${type}"` : ''}>`);
      });
      $('style').each(() => {
        problems.push(`${file}: <style> element`);
      });
      $('[style]').each((_, el) => {
        problems.push(`${file}: style attribute on <${(el as { tagName?: string }).tagName}>`);
      });
      $('*').each((_, el) => {
        for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) {
          if (/^on/i.test(name)) problems.push(`${file}: inline event handler ${name}`);
        }
      });
      $('a[href^="javascript:" i]').each(() => {
        problems.push(`${file}: javascript: link`);
      });
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('open data', () => {
  test.each(['briefings', 'actors', 'positions'])('data/%s.json validates against its published schema in data/schemas/', (name) => {
    const schema = JSON.parse(read(site, `data/schemas/${name}.schema.json`));
    const data = JSON.parse(read(site, `data/${name}.json`));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(data.$schema, 'the data names its published schema').toBe(`${DEFAULT_SITE}/data/schemas/${name}.schema.json`);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(data);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    expect(data[name].length).toBeGreaterThan(0);
  });

  test('the schemas are strict enough to reject a record with a wrong type', () => {
    const schema = JSON.parse(read(site, 'data/schemas/positions.schema.json'));
    const data = JSON.parse(read(site, 'data/positions.json'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const broken = structuredClone(data);
    broken.positions[0].url = 'not a url';
    broken.positions[0].id = 42;
    expect(validate(broken)).toBe(false);
  });
});

describe('share cards', () => {
  /** Width and height from a PNG's IHDR chunk, or undefined if the bytes are not a PNG. */
  function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }

  test('every og:image and twitter:image of every page is a built 1200×630 PNG under 150 KB', () => {
    const problems: string[] = [];
    const checked = new Set<string>();
    for (const file of htmlFiles(site)) {
      const $ = load(site, file);
      const images = [$('meta[property="og:image"]').attr('content'), $('meta[name="twitter:image"]').attr('content')];
      if (!images[0]) problems.push(`${file}: no og:image`);
      for (const image of images) {
        if (!image) continue;
        if (!image.startsWith(`${DEFAULT_SITE}/`)) {
          problems.push(`${file}: ${image} is not an absolute URL of this site`);
          continue;
        }
        const card = decodeURIComponent(new URL(image).pathname.slice(1));
        if (checked.has(card)) continue;
        checked.add(card);
        let bytes: Buffer;
        try {
          bytes = readFileSync(path.join(site.outDir, card));
        } catch {
          problems.push(`${file}: ${image} names ${card}, which was not built`);
          continue;
        }
        const size = pngSize(bytes);
        if (!size) problems.push(`${card} is not a PNG`);
        else if (size.width !== 1200 || size.height !== 630) problems.push(`${card} is ${size.width}×${size.height}`);
        if (statSync(path.join(site.outDir, card)).size >= 150 * 1024) problems.push(`${card} is ${(bytes.length / 1024).toFixed(0)} KB`);
      }
    }
    expect(checked.size).toBeGreaterThan(20);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
