/**
 * The shipped example site in a real browser (Debian's Chromium via playwright-core):
 * layout at phone and desktop widths, tap-target sizes, axe-core in light and dark,
 * search (aliases in other scripts, typos, quotes), position permalinks, and that no
 * page but /search/ runs any script and search runs within the Content-Security-Policy.
 *
 * One build, one server and one browser for the whole file; each test opens a page
 * in one of a few shared contexts (phone/desktop × light/dark).
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import * as cheerio from 'cheerio';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import type { BuildResult } from '../helpers/build.ts';
import { PROJECT_ROOT } from '../helpers/corpus.ts';
import { listFiles } from '../helpers/links.ts';
import { serveDist } from '../helpers/serve.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

const CONTENT = path.join(PROJECT_ROOT, 'content');

/** One page of every type the site has. The 404 page is reached the way readers reach it: a missing URL. */
const PAGES = {
  home: '/',
  briefings: '/briefings/',
  briefing: '/briefings/lavrov-security-guarantees/',
  actors: '/actors/',
  actor: '/actors/sergey-lavrov/',
  positions: '/positions/',
  position: '/positions/lavrov-patience-run-out/',
  topics: '/topics/',
  topic: '/topics/security-guarantees/',
  search: '/search/',
  corrections: '/corrections/',
  notFound: '/no-such-page/',
} as const;
type PageType = keyof typeof PAGES;
/** Axe runs on these; the search page is checked with results on show (see below). */
const AXE_PAGES = (Object.keys(PAGES) as PageType[]).filter((type) => type !== 'search');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 900 },
} as const;
type ViewportName = keyof typeof VIEWPORTS;
type Scheme = 'light' | 'dark';

let build: BuildResult;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
const contexts = new Map<string, BrowserContext>();

beforeAll(async () => {
  build = buildAsUser({ contentDir: CONTENT });
  if (!build.ok) throw new Error(`astro build failed:\n${build.output}`);
  server = await serveDist(build.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeBuild(build);
});

/** A shared context per viewport and colour scheme. */
async function context(viewport: ViewportName, colorScheme: Scheme = 'light'): Promise<BrowserContext> {
  const key = `${viewport}/${colorScheme}`;
  let ctx = contexts.get(key);
  if (!ctx) {
    ctx = await browser.newContext({
      viewport: VIEWPORTS[viewport],
      colorScheme,
      reducedMotion: 'reduce',
      isMobile: viewport === 'phone',
      hasTouch: viewport === 'phone',
    });
    contexts.set(key, ctx);
  }
  return ctx;
}

const url = (sitePath: string) => new URL(sitePath.replace(/^\//, ''), server.url).href;

/** One reusable tab per context: navigating is much cheaper than opening a page. */
const tabs = new Map<string, Page>();

/** Shows a site path in the shared tab of a viewport and colour scheme. */
async function visit(sitePath: string, viewport: ViewportName = 'phone', colorScheme: Scheme = 'light'): Promise<Page> {
  const key = `${viewport}/${colorScheme}`;
  let page = tabs.get(key);
  if (!page || page.isClosed()) {
    page = await (await context(viewport, colorScheme)).newPage();
    tabs.set(key, page);
  }
  await page.goto(url(sitePath), { waitUntil: 'load' });
  return page;
}

/** A fresh page, for tests that listen to its events; the caller closes it. */
async function freshPage(viewport: ViewportName = 'phone', colorScheme: Scheme = 'light'): Promise<Page> {
  return (await context(viewport, colorScheme)).newPage();
}

/**
 * Interactive elements smaller than 24×24 CSS px (WCAG 2.2 SC 2.5.8, Target Size Minimum).
 * Exempt, as the SC's "Inline" exception says, are targets in a sentence: links laid out
 * inline (computed `display: inline`) inside a block of running text — a paragraph, list
 * item, table cell, definition or quote whose own text, without its links and buttons,
 * has words in it. Their height is set by the line-height of the surrounding text.
 * Nothing else is exempt: a lone small link, an icon button or a small inline-block is reported.
 */
function undersizedTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';
    const TEXT_BLOCKS = 'p, li, dd, dt, td, th, blockquote, figcaption, caption';
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> “${text}”`;
    };
    /** The element's text block's own words: its text minus the text of every target in it. */
    const inRunningText = (el: Element) => {
      const block = el.parentElement?.closest(TEXT_BLOCKS);
      if (!block) return false;
      const clone = block.cloneNode(true) as Element;
      clone.querySelectorAll(INTERACTIVE).forEach((t) => t.remove());
      return /\p{L}{2,}/u.test(clone.textContent ?? '');
    };
    const problems: string[] = [];
    for (const el of document.querySelectorAll(INTERACTIVE)) {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      // Moved off-screen until focused (the skip link): measured below when focused.
      if (rect.right <= 0 || rect.bottom <= 0) continue;
      // Clipped to nothing for screen readers only (.sr-only).
      const clip = getComputedStyle(el).clip;
      if (rect.width <= 1 && rect.height <= 1 && clip !== 'auto') continue;
      if (rect.width >= 24 - 0.01 && rect.height >= 24 - 0.01) continue;
      if (getComputedStyle(el).display === 'inline' && inRunningText(el)) continue;
      problems.push(`${describe(el)} is ${rect.width.toFixed(1)}×${rect.height.toFixed(1)} px`);
    }
    return problems;
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page in one go, without the extra blank page the
  // frame-by-frame mode opens; these pages have no frames, so the result is the same.
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 8)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`)
        .join('\n'),
  );
}

describe.each(Object.keys(VIEWPORTS) as ViewportName[])('at the %s viewport', (viewport) => {
  const { width } = VIEWPORTS[viewport];

  test.each(Object.entries(PAGES))('%s page (%s): no horizontal scrolling, and tap targets of at least 24×24 px', async (_type, sitePath) => {
    const page = await visit(sitePath, viewport);
    const scroll = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 5)
        .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> right=${el.getBoundingClientRect().right.toFixed(0)}`),
    }));
    expect(scroll.innerWidth).toBe(width);
    expect(scroll.scrollWidth, `page is wider than the viewport; elements sticking out:\n${scroll.wide.join('\n')}`).toBeLessThanOrEqual(width);

    const small = await undersizedTargets(page);
    expect(small, `targets under 24×24 px on ${sitePath}:\n${small.join('\n')}`).toEqual([]);
  });
});

test('the skip link is a target of at least 24×24 px, on screen, when focused', async () => {
  const page = await visit(PAGES.home);
  await page.keyboard.press('Tab');
  const box = await page.evaluate(() => {
    const el = document.activeElement!;
    const r = el.getBoundingClientRect();
    return { cls: el.className, left: r.left, top: r.top, width: r.width, height: r.height };
  });
  expect(box.cls).toBe('skip-link');
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.width).toBeGreaterThanOrEqual(24);
  expect(box.height).toBeGreaterThanOrEqual(24);
});

describe.each(['light', 'dark'] as Scheme[])('axe-core (WCAG 2.2 AA) in the %s colour scheme', (scheme) => {
  test.each(AXE_PAGES.map((type) => ({ type, sitePath: PAGES[type] })))('$type page ($sitePath) has no violations', async ({ sitePath }) => {
    const page = await visit(sitePath, 'phone', scheme);
    const violations = await axeViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
  });

  test('search page, with results and their highlighted words on show, has no violations', async () => {
    const page = await visit(PAGES.search, 'phone', scheme);
    await page.locator('#search-input').fill('Lavrov patience');
    await page.locator('#search-results li mark').first().waitFor({ timeout: 10_000 });
    const violations = await axeViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
  });
});

describe('search', () => {
  /** Watches a page for CSP violations: the DOM event and the console's "Refused to…" errors. */
  async function watchCsp(page: Page, reports: string[]): Promise<void> {
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) reports.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => reports.push(`page error: ${error.message}`));
    await page.exposeFunction('__reportCsp', (text: string) => reports.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportCsp(t: string): void }).__reportCsp(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
  }

  /** Types a query the way a reader does, waits for its results and returns the paths they link to. */
  async function search(page: Page, query: string): Promise<string[]> {
    const input = page.locator('#search-input');
    await input.fill('');
    await input.pressSequentially(query, { delay: 20 });
    // The status line names the query once its results are in the list.
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`results? for “${query}”`));
    return page.locator('#search-results a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  }

  let page: Page;
  const csp: string[] = [];
  beforeAll(async () => {
    page = await freshPage();
    await watchCsp(page, csp);
    await page.goto(url(PAGES.search));
  });
  afterAll(() => page?.close());

  test('the Cyrillic alias “Лавров” finds Sergey Lavrov', async () => {
    expect(await search(page, 'Лавров')).toContain('/actors/sergey-lavrov/');
  });

  test('the misspelt alias “Berbok” finds Annalena Baerbock', async () => {
    expect(await search(page, 'Berbok')).toContain('/actors/annalena-baerbock/');
  });

  test('a word from a position’s quote (“patience”) finds the position page', async () => {
    const found = await search(page, 'patience');
    expect(found.filter((p) => /^\/positions\/[^/]+\/$/.test(p)), `results: ${found.join(', ')}`).not.toEqual([]);
    // Actor pages are indexed for who the actor is, not for the positions and briefings they list.
    expect(found.filter((p) => p.startsWith('/actors/')), `results: ${found.join(', ')}`).toEqual([]);
  });

  test('a query in the URL (?q=) is searched on load', async () => {
    const other = await freshPage();
    await watchCsp(other, csp);
    try {
      await other.goto(url(`${PAGES.search}?q=${encodeURIComponent('Лавров')}`));
      await expect.poll(() => other.locator('#search-input').inputValue(), { timeout: 10_000 }).toBe('Лавров');
      await other.locator('#search-results a[href$="/actors/sergey-lavrov/"]').first().waitFor({ timeout: 10_000 });
    } finally {
      await other.close();
    }
  });

  test('searching reports no Content-Security-Policy violations', () => {
    expect(csp, csp.join('\n')).toEqual([]);
  });

  test('the CSP watch above does see a violation when there is one', async () => {
    const probe = await freshPage();
    const seen: string[] = [];
    await watchCsp(probe, seen);
    try {
      await probe.goto(url(PAGES.search));
      // An inline style attribute is what style-src 'self' forbids.
      await probe.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>'));
      await expect.poll(() => seen.length, { timeout: 5_000 }).toBeGreaterThan(0);
    } finally {
      await probe.close();
    }
  });
});

describe('position permalinks', () => {
  test('following /actors/sergey-lavrov/#lavrov-patience-run-out scrolls the position into view and highlights it', async () => {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      // A fresh page, so this is a page load that follows a link, not a jump within the page.
      const page = await freshPage(viewport);
      await page.goto(url('/actors/sergey-lavrov/#lavrov-patience-run-out'));
      const state = await page.evaluate(() => {
        const target = document.getElementById('lavrov-patience-run-out')!;
        const other = [...document.querySelectorAll('.position[id]')].find((el) => el !== target)!;
        const r = target.getBoundingClientRect();
        const style = (el: Element) => {
          const s = getComputedStyle(el);
          return { background: s.backgroundColor, shadow: s.boxShadow };
        };
        return {
          matchesTarget: target.matches(':target'),
          top: r.top,
          bottom: r.bottom,
          innerHeight: window.innerHeight,
          scrollY: window.scrollY,
          target: style(target),
          other: other ? style(other) : undefined,
        };
      });
      expect(state.matchesTarget).toBe(true);
      expect(state.top, `${viewport}: position top edge`).toBeGreaterThanOrEqual(0);
      expect(state.top, `${viewport}: position top edge`).toBeLessThan(state.innerHeight);
      expect(state.other, 'the actor page has another position card to compare with').toBeDefined();
      expect(
        state.target.background !== state.other!.background || state.target.shadow !== state.other!.shadow,
        `target ${JSON.stringify(state.target)} looks like another card ${JSON.stringify(state.other)}`,
      ).toBe(true);
      await page.close();
    }
  });

  test('the target position is scrolled to on a page long enough to need it', async () => {
    const page = await visit('/actors/sergey-lavrov/');
    // The last position card is below the fold at 375×812 without the fragment…
    const lastId = await page.evaluate(() => {
      const cards = [...document.querySelectorAll('.position[id]')];
      const last = cards[cards.length - 1]!;
      return last.getBoundingClientRect().top > window.innerHeight ? last.id : null;
    });
    expect(lastId, 'the actor page should be longer than one screen').not.toBeNull();
    // …and in view with it.
    await page.goto(url(`/actors/sergey-lavrov/#${lastId}`));
    const inView = await page.evaluate((id) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight && window.scrollY > 0;
    }, lastId!);
    expect(inView).toBe(true);
  });
});

describe('scripts', () => {
  let page: Page;
  const requested: string[] = [];
  beforeAll(async () => {
    page = await freshPage('desktop');
    page.on('request', (request) => {
      if (request.resourceType() === 'script') requested.push(request.url());
    });
  });
  afterAll(() => page?.close());

  test.each(Object.entries(PAGES))('%s page (%s) loads a script only if it is the search page', async (type, sitePath) => {
    requested.length = 0;
    // about:blank first, so that every page is a full load, never a cached jump.
    await page.goto('about:blank');
    await page.goto(url(sitePath), { waitUntil: 'load' });
    const inDom = await page.evaluate(() =>
      [...document.querySelectorAll('script')]
        .filter((s) => s.type !== 'application/ld+json')
        .map((s) => s.src || `inline ${s.type || 'classic'} script`),
    );
    if (type === 'search') {
      expect(inDom, 'the search page has its one module script').toHaveLength(1);
      expect(requested.length).toBeGreaterThan(0);
    } else {
      expect(inDom, `${sitePath} has scripts`).toEqual([]);
      expect(requested, `${sitePath} loaded scripts`).toEqual([]);
    }
  });

  test('no built HTML page but /search/ has a script other than JSON-LD', () => {
    const offenders: string[] = [];
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      if (file === 'search/index.html') continue;
      const $ = cheerio.load(readFileSync(path.join(build.outDir, file), 'utf8'));
      $('script').each((_, el) => {
        if ($(el).attr('type') !== 'application/ld+json') offenders.push(`${file}: <script ${$(el).attr('src') ?? ''} type=${$(el).attr('type')}>`);
      });
      $('link[rel="modulepreload"], link[rel="preload"][as="script"]').each((_, el) => {
        offenders.push(`${file}: ${$.html(el)}`);
      });
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
  });
});

describe.each(['light', 'dark'] as Scheme[])('WCAG 2.5.3 Label in Name in the %s colour scheme', (scheme) => {
  // axe's rule is experimental, so the suite above does not run it: it is named here, alone.
  const labelInName = async (page: Page) =>
    (await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).setLegacyMode(true).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );

  test.each((['briefing', 'actor', 'topic', 'position'] as PageType[]).map((type) => ({ type, sitePath: PAGES[type] })))(
    'every link on the $type page ($sitePath) is named by its visible text first',
    async ({ sitePath }) => {
      expect(await labelInName(await visit(sitePath, 'phone', scheme))).toEqual([]);
    },
  );

  test('the check does see a link whose name leaves out its visible text', async () => {
    const page = await freshPage('phone', scheme);
    await page.setContent('<main><a href="/x" aria-label="Source 1: A report">[1] report</a></main>');
    expect(await labelInName(page)).not.toEqual([]);
    await page.close();
  });
});

describe.each(['light', 'dark'] as Scheme[])('the browser console in the %s colour scheme', (scheme) => {
  test.each(Object.entries(PAGES))('%s page (%s) logs nothing and asks for nothing that is not there', async (type, sitePath) => {
    const page = await freshPage('phone', scheme);
    const problems: string[] = [];
    page.on('console', (message) => problems.push(`console ${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      // The 404 page is the answer to a missing URL; anything else missing is a defect.
      const isTheMissingPage = type === 'notFound' && response.url() === url(sitePath);
      if (response.status() >= 400 && !isTheMissingPage) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(url(sitePath), { waitUntil: 'networkidle' });
    // Headless Chromium does not fetch icons by itself; a browser with a tab bar does, /favicon.ico first.
    const linked = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="stylesheet"], link[rel="alternate"]')].map((l) => l.href),
    );
    for (const asset of [...linked, url('/favicon.ico')]) {
      const response = await page.request.get(asset);
      if (response.status() !== 200) problems.push(`${response.status()} ${asset}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  });
});
