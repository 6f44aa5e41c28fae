import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuildResult } from '../helpers/build.ts';
import { at, expectError } from '../helpers/diagnostics.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

/**
 * content/published-urls.txt: every URL the site has published. The first build
 * writes it; each build adds what it published for the first time and refuses
 * to lose any of it (tests/build/rename.test.ts shows the refusal).
 */
let corpus: TempCorpus;
let first: BuildResult;
let second: BuildResult;
let ledgerAfterFirst = '';

const ledgerUrls = (text: string) => text.split('\n').filter((line) => line.startsWith('/'));

function builtUrls(outDir: string, prefix = ''): string[] {
  return readdirSync(path.join(outDir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return /^\/(_astro|pagefind|brand)/.test(relative) ? [] : builtUrls(outDir, relative);
    // Host files, and the icons made from site.yaml at every build: not items of the record.
    if (/^\/(404\.html|robots\.txt|sitemap-.*\.xml|_headers|_redirects|favicon(-32)?\.(ico|svg|png)|apple-touch-icon\.png|icon-512\.png)$/.test(relative)) return [];
    return [relative.endsWith('/index.html') ? relative.slice(0, -'index.html'.length) : relative];
  });
}

beforeAll(() => {
  corpus = tempCorpus('basic');
  // Served under a sub-path first: the ledger keeps base-less paths, so a later move to the root is no removal.
  first = buildAsUser({ contentDir: corpus.contentDir, env: { BASE_PATH: '/desk' } });
  if (!first.ok) throw new Error(first.output);
  ledgerAfterFirst = corpus.read('published-urls.txt');
  // A position is re-attributed to another actor, and another moves to a different briefing.
  edit(corpus, 'briefings/second-round.md', 'actor: alice-adams', 'actor: bob-brown');
  const moved = '  - id: brown-hopeful\n    actor: bob-brown\n    stance: Brown remains hopeful.\n    role: Special Envoy\n    date: 2022-01-09\n    sources: [wire, transcript]\n';
  edit(corpus, 'briefings/first-talks.mdx', moved, '');
  edit(corpus, 'briefings/second-round.md', 'positions:\n', `positions:\n${moved.replace('sources: [wire, transcript]', 'sources: [wire]')}`);
  second = buildAsUser({ contentDir: corpus.contentDir });
  if (!second.ok) throw new Error(second.output);
});

afterAll(() => {
  removeBuild(first);
  removeBuild(second);
  corpus?.cleanup();
});

describe('the ledger of published URLs', () => {
  test('the first build writes it: exactly the pages, cards, feeds and data files it published, sorted', () => {
    const urls = ledgerUrls(ledgerAfterFirst);
    expect(urls).toEqual([...urls].sort());
    expect(urls.filter((u) => !u.includes('#')).sort()).toEqual(builtUrls(first.outDir).sort());
  });

  test('its fragments are the positions on actor and briefing pages, each an id on that page', () => {
    const fragments = ledgerUrls(ledgerAfterFirst).filter((u) => u.includes('#'));
    expect(fragments).toContain('/actors/alice-adams/#adams-no-deal');
    expect(fragments).toContain('/briefings/first-talks/#adams-no-deal');
    for (const url of fragments) {
      const [page, id] = url.split('#');
      expect(first.page(page!)(`[id="${id}"]`).length, url).toBe(1);
    }
  });

  test('drafts never enter it', () => {
    expect(ledgerAfterFirst).not.toMatch(/secret-plan|adams-draft-position/);
  });

  test('a position moved to another actor keeps its old actor-page anchor, saying who it is attributed to now', () => {
    const note = second.page('/actors/alice-adams/')('li#adams-sanctions');
    expect(note.text()).toContain('now attributed to Bob Brown');
    expect(note.find('a').attr('href')).toBe('/actors/bob-brown/#adams-sanctions');
    expect(ledgerUrls(corpus.read('published-urls.txt'))).toEqual(expect.arrayContaining(['/actors/alice-adams/#adams-sanctions', '/actors/bob-brown/#adams-sanctions']));
  });

  test('a position moved to another briefing keeps its old briefing-page anchor, saying where it is now', () => {
    const note = second.page('/briefings/first-talks/')('li#brown-hopeful');
    expect(note.text()).toContain('is now in Second round');
    expect(note.find('a').attr('href')).toBe('/briefings/second-round/#brown-hopeful');
  });

  test('a build that adds nothing leaves the file as it is', () => {
    const before = corpus.read('published-urls.txt');
    const again = buildAsUser({ contentDir: corpus.contentDir, outDir: second.outDir });
    expect(again.ok, again.output).toBe(true);
    expect(corpus.read('published-urls.txt')).toBe(before);
    expect(readFileSync(path.join(corpus.contentDir, 'published-urls.txt'), 'utf8').split('\n')[0]).toMatch(/^# /);
  });
});

describe('npm run check holds content to the ledger, and refuses bad ledger lines', () => {
  test('a lost URL and a malformed line are errors at their lines', () => {
    corpus.write('published-urls.txt', `${corpus.read('published-urls.txt')}/positions/never-was/\nnot a path\n`);
    corpus.write('removed-urls.txt', '/positions/gone/\n');
    const { diagnostics } = corpus.check();
    expect(expectError(diagnostics, at(corpus, 'published-urls.txt', '/positions/never-was/'), '/positions/never-was/ was published').code).toBe('unpublished-url');
    expect(expectError(diagnostics, at(corpus, 'published-urls.txt', 'not a path'), '"not a path" is not a URL path').code).toBe('bad-ledger-line');
    expect(expectError(diagnostics, at(corpus, 'removed-urls.txt', '/positions/gone/'), 'has no reason').code).toBe('bad-removed-line');
  });

  test('a position renamed without "formerly" is refused, naming the old URL and the likely new id', () => {
    const before = corpus.read('briefings/first-talks.mdx');
    edit(corpus, 'briefings/first-talks.mdx', '  - id: adams-no-deal\n', '  - id: adams-no-deal-yet\n');
    try {
      const lost = corpus.check().diagnostics.filter((d) => d.code === 'unpublished-url');
      const page = lost.find((d) => d.message.startsWith('/positions/adams-no-deal/ was published'));
      expect(page?.message).toContain('(did you mean "adams-no-deal-yet"?), add "formerly: [adams-no-deal]" to it');
      expect(lost.map((d) => d.message.split(' ')[0])).toEqual(expect.arrayContaining(['/positions/adams-no-deal/og.png', '/actors/alice-adams/#adams-no-deal', '/briefings/first-talks/#adams-no-deal']));
    } finally {
      corpus.write('briefings/first-talks.mdx', before);
    }
  });

  test('removing a list page removes no item under it: a lost briefing is still an error', () => {
    corpus.write('published-urls.txt', `${corpus.read('published-urls.txt')}/briefings/never-was/\n/briefings/never-was/og.png\n`);
    corpus.write('removed-urls.txt', '/briefings/ Reorganised.\n/ Reorganised.\n');
    const lost = corpus.check().diagnostics.filter((d) => d.code === 'unpublished-url').map((d) => d.message.split(' ')[0]);
    expect(lost).toEqual(expect.arrayContaining(['/briefings/never-was/', '/briefings/never-was/og.png']));
    // Removing the item itself takes its card with it.
    corpus.write('removed-urls.txt', '/briefings/never-was/ Published by mistake.\n/positions/never-was/ Published by mistake.\n');
    expect(corpus.check().diagnostics.filter((d) => d.code === 'unpublished-url').map((d) => d.message.split(' ')[0])).toEqual([]);
  });
});
