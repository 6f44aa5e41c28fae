import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { edit, PROJECT_ROOT, tempCorpus } from '../helpers/corpus.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { positionOf } from '../helpers/text.ts';

/**
 * `astro dev` must show edits live: actor pages aggregate positions from other
 * files, so an edit, a rename or a deletion of a briefing must reach them on the
 * next request, with nothing stale left behind.
 */
describe('astro dev', () => {
  const corpus = tempCorpus('basic');
  let dev: DevServer;
  let base = '';
  let browser: Browser | undefined;
  // "Open in editor" runs $LAUNCH_EDITOR with the file, line and column; this one writes them down.
  const editor = path.join(corpus.root, 'record-editor.sh');
  const editorArgs = `${editor}.args`;
  writeFileSync(editor, '#!/bin/sh\nprintf \'%s\\n\' "$@" > "$0.args"\n');
  chmodSync(editor, 0o755);

  beforeAll(async () => {
    dev = await startDevServer({
      contentDir: corpus.contentDir,
      cacheDir: path.join(corpus.root, 'astro-cache'),
      env: { LAUNCH_EDITOR: editor },
      readyPath: '/actors/alice-adams/',
      ready: (html) => html.includes('class="position'),
    });
    base = dev.base;
  });

  afterAll(async () => {
    await browser?.close();
    dev?.stop();
    corpus.cleanup();
  });

  const get = async (sitePath: string) => {
    const response = await fetch(`${base}${sitePath}`);
    return { status: response.status, $: cheerio.load(await response.text()) };
  };
  /** The file watcher reports a rename or deletion a moment later; wait for it as a reader reloading would. */
  const eventually = async <T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
    let value = await probe();
    for (let attempt = 0; attempt < 20 && !ok(value); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      value = await probe();
    }
    return value;
  };
  const positionIds = async (actor: string) => (await get(`/actors/${actor}/`)).$('article.position[id]').map((_, el) => el.attribs.id).get();

  test('drafts are visible in dev', async () => {
    expect(await positionIds('alice-adams')).toContain('adams-draft-position');
  });

  test('an edited stance shows on the actor page at the next request', async () => {
    edit(corpus, 'briefings/second-round.md', 'Adams threatens sanctions.', 'Adams now rules out sanctions.');
    const { $ } = await get('/actors/alice-adams/');
    expect($('#adams-sanctions .position__stance').text()).toBe('Adams now rules out sanctions.');
  });

  test('every page that shows the stance shows the edit: its briefing, its own page, its topic', async () => {
    // These pages get their data from getStaticPaths, which the dev server caches per route.
    for (const sitePath of ['/briefings/second-round/', '/topics/sanctions/']) {
      expect((await get(sitePath)).$('#adams-sanctions .position__stance, .position__stance').text(), sitePath).toContain('Adams now rules out sanctions.');
    }
    expect((await get('/positions/adams-sanctions/')).$('h1').text()).toBe('Adams now rules out sanctions.');
    // And a briefing's own text.
    edit(corpus, 'briefings/second-round.md', 'A GFM table in plain Markdown:', 'A table, edited live:');
    expect((await get('/briefings/second-round/')).$('.prose').text()).toContain('A table, edited live:');
  });

  test('a briefing renamed from .md to .mdx keeps its positions and page', async () => {
    renameSync(path.join(corpus.contentDir, 'briefings/second-round.md'), path.join(corpus.contentDir, 'briefings/second-round.mdx'));
    expect(await positionIds('alice-adams')).toContain('adams-sanctions');
    const page = await eventually(() => get('/briefings/second-round/'), (p) => p.status === 200);
    expect(page.status).toBe(200);
    expect(page.$('h1').text()).toBe('Second round');
  });

  test('a deleted briefing leaves no position behind on actor pages', async () => {
    corpus.remove('briefings/second-round.mdx');
    expect(await positionIds('alice-adams')).not.toContain('adams-sanctions');
    expect((await eventually(() => get('/briefings/second-round/'), (p) => p.status === 404)).status).toBe(404);
  });

  test('share cards are rendered on request', async () => {
    const response = await fetch(`${base}/actors/alice-adams/og.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.readUInt32BE(16)).toBe(1200);
  });

  describe('a content error in the browser (issue 17)', () => {
    const file = 'briefings/first-talks.mdx';
    const absolute = path.join(corpus.contentDir, file);
    /** The file as the diagnostics name it: relative to the project root. */
    const shown = path.relative(PROJECT_ROOT, absolute).split(path.sep).join('/');

    test("Astro's overlay frames the content file at the mistake, lists every error, and opens the editor there", async () => {
      // Two mistakes: an actor id in the frontmatter and a source id in the body.
      edit(corpus, file, 'actor: bob-brown', 'actor: bob-browne');
      edit(corpus, file, '<Cite source="transcript" />', '<Cite source="transcrpt" />');
      const text = corpus.read(file);
      const actor = positionOf(text, 'bob-browne');
      const cite = positionOf(text, 'source="transcrpt"');

      browser = await launchBrowser();
      const page = await browser.newPage();
      await page.goto(`${base}/briefings/first-talks/`);
      const overlay = page.locator('vite-error-overlay');
      // The overlay reaches the page over Vite's websocket a moment after the 500 response.
      await overlay.locator('#code header h2').waitFor({ timeout: 30_000 });

      // The first error is framed: its file and place, the line itself, the column marked.
      const header = overlay.locator('#code header h2');
      expect(await header.textContent()).toBe(`briefings/first-talks.mdx:${actor.line}:${actor.column}`);
      expect(await header.getAttribute('title')).toBe(`${absolute}:${actor.line}:${actor.column}`);
      expect(await overlay.locator('#code-content .error-line').textContent()).toContain('actor: bob-browne');
      const caret = overlay.locator('#code-content .error-caret span');
      await caret.waitFor();
      expect(await caret.evaluate((el) => (el as HTMLElement).style.paddingLeft)).toBe(`${actor.column - 1}ch`);
      expect(await caret.textContent()).toBe('^');

      // Its message leads; every error is listed with path:line:column.
      const message = (await overlay.locator('#message-content').textContent()) ?? '';
      expect(message).toMatch(/^positions\.1\.actor: unknown actor id "bob-browne" \(did you mean "bob-brown"\?\) \[unknown-actor\]/);
      expect(message).toContain(`${shown}:${actor.line}:${actor.column}: error: positions.1.actor: unknown actor id "bob-browne"`);
      expect(message).toContain(`${shown}:${cite.line}:${cite.column}: error: <Cite source>: unknown source id "transcrpt" (did you mean "transcript"?)`);
      expect(await overlay.locator('#title').textContent()).toBe('2 content errors; the first is framed below');
      // Not the project's own code, which is where Astro points when it has to guess from the stack.
      expect(await overlay.locator('#code').textContent()).not.toMatch(/src\/|\.ts:/);

      // A page whose client connects late still gets the overlay. Astro pushes the error once,
      // 200 ms after the 500 response, to the clients connected then (here the first page): a
      // second tab, or a reload racing its old page's socket on a busy machine, would stay blank.
      const late = await browser.newPage();
      await late.routeWebSocket(
        (url) => url.protocol === 'ws:',
        async (socket) => {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          socket.connectToServer();
        },
      );
      await late.goto(`${base}/briefings/first-talks/`);
      const lateHeader = late.locator('vite-error-overlay').locator('#code header h2');
      await lateHeader.waitFor({ timeout: 15_000 });
      expect(await lateHeader.textContent()).toBe(`briefings/first-talks.mdx:${actor.line}:${actor.column}`);
      // The whole overlay, as Astro's own push gives it: every error listed, the line framed.
      const lateMessage = (await late.locator('vite-error-overlay').locator('#message-content').textContent()) ?? '';
      expect(lateMessage).toContain(`${shown}:${cite.line}:${cite.column}: error: <Cite source>: unknown source id "transcrpt"`);
      expect(await late.locator('vite-error-overlay').locator('#code-content .error-line').textContent()).toContain('actor: bob-browne');
      await late.close();

      // "Open in editor" launches the editor on that file, line and column.
      await overlay.getByText('Open in editor').click();
      for (let i = 0; i < 150 && !existsSync(editorArgs); i++) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(readFileSync(editorArgs, 'utf8').trim().split('\n')).toEqual([absolute, String(actor.line), String(actor.column)]);

      // The page recovers on the next save, by itself: no restart, no reload by hand.
      edit(corpus, file, 'actor: bob-browne', 'actor: bob-brown');
      edit(corpus, file, '<Cite source="transcrpt" />', '<Cite source="transcript" />');
      await page.locator('h1', { hasText: 'First talks' }).waitFor({ timeout: 30_000 });
      expect(await overlay.count()).toBe(0);
      // And every later save shows by itself too (content files are not modules Vite reloads for).
      edit(corpus, file, 'title: "First talks', 'title: "Opening talks');
      await page.locator('h1', { hasText: 'Opening talks' }).waitFor({ timeout: 30_000 });
      await page.close();
    });
  });
});
