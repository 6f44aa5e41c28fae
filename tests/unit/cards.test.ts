import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { buildCards } from '../../src/pipeline/cards/build.ts';
import { cardKey } from '../../src/pipeline/cards/cache.ts';
import { fontsFor, parseFontsourceCss } from '../../src/pipeline/cards/fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout, type CardContent, type CardNode } from '../../src/pipeline/cards/layout.ts';
import { planCards } from '../../src/pipeline/cards/plan.ts';
import { renderCardPng, renderCardSvg } from '../../src/pipeline/cards/render.ts';
import { clampGraphemes, dropEmoji } from '../../src/pipeline/cards/text.ts';
import { tempCorpus } from '../helpers/corpus.ts';

const briefingCard: CardContent = {
  kind: 'briefing', siteName: 'Desk', title: 'Lavrov: patience has run out', summary: 'Moscow wants written answers.', date: '2022-01-14',
  actors: ['Sergey Lavrov', 'Jake Sullivan'],
};

/** Every text string in a layout tree, in document order. */
function texts(node: CardNode | string): string[] {
  if (typeof node === 'string') return [node];
  const children = node.props.children;
  if (children === undefined) return [];
  return (Array.isArray(children) ? children : [children]).flatMap(texts);
}

/** PNG dimensions from the IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('dropEmoji', () => {
  test.each([
    ['Talks 🚀 resume', 'Talks resume'],
    ['Flags 🇺🇦🇷🇺 stay out', 'Flags stay out'],
    ['Family 👨‍👩‍👧 emoji', 'Family emoji'],
    ['No emoji — Лавров', 'No emoji — Лавров'],
  ])('%j becomes %j', (input, expected) => {
    expect(dropEmoji(input)).toBe(expected);
  });
});

describe('clampGraphemes', () => {
  test('leaves short text alone', () => {
    expect(clampGraphemes('Short title', 40)).toBe('Short title');
  });
  test('cuts long text at a word boundary and adds an ellipsis', () => {
    const clamped = clampGraphemes('one two three four five six seven', 20);
    expect(clamped.endsWith('…')).toBe(true);
    expect(Array.from(clamped).length).toBeLessThanOrEqual(20);
    expect(clamped).toBe('one two three four…');
  });
  test('never splits a surrogate pair or a combining sequence', () => {
    const text = '𝔸'.repeat(30);
    const clamped = clampGraphemes(text, 10);
    expect(clamped).toBe(`${'𝔸'.repeat(9)}…`);
    const accented = 'e\u0301'.repeat(30);
    expect(clampGraphemes(accented, 5)).toBe(`${'e\u0301'.repeat(4)}…`);
  });
});

describe('cardLayout', () => {
  test('the root is exactly card-sized and uses border-box so padding stays inside', () => {
    const root = cardLayout(briefingCard, "'Inter latin'");
    expect(root.props.style).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT, boxSizing: 'border-box', fontFamily: "'Inter latin'" });
  });
  test('a briefing card shows title, summary, date, actor names and site name', () => {
    const all = texts(cardLayout(briefingCard, 'x')).join('\n');
    for (const expected of ['Lavrov: patience has run out', 'Moscow wants written answers.', '14 January 2022', 'Sergey Lavrov · Jake Sullivan', 'Desk', 'BRIEFING']) {
      expect(all).toContain(expected);
    }
  });
  test('an actor card shows counts and the latest stance', () => {
    const all = texts(cardLayout({ kind: 'actor', siteName: 'Desk', name: 'Sergey Lavrov', role: 'Foreign Minister', positions: 1, briefings: 2, latestStance: 'No more waiting.', latestDate: '2022-01-27' }, 'x')).join('\n');
    expect(all).toContain('1 position · 2 briefings');
    expect(all).toContain('Latest: No more waiting.');
    expect(all).toContain('Foreign Minister');
  });
  test('a position card quotes the quote, attributes it with the role at the time, and names the briefing', () => {
    const all = texts(cardLayout({ kind: 'position', siteName: 'Desk', text: 'We have run out of patience.', isQuote: true, actorName: 'Sergey Lavrov', role: 'Foreign Minister', date: '2022-01-14', briefingTitle: 'The week of talks' }, 'x')).join('\n');
    expect(all).toContain('“We have run out of patience.”');
    expect(all).toContain('Sergey Lavrov, Foreign Minister');
    expect(all).toContain('The week of talks');
    expect(all).toContain('QUOTE');
  });
  test('very long text is clamped before layout and marked with an ellipsis', () => {
    const long = 'word '.repeat(200);
    const all = texts(cardLayout({ ...briefingCard, title: long, summary: long }, 'x'));
    const title = all.find((t) => t.startsWith('word'))!;
    expect(title.length).toBeLessThan(150);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('fontsFor', () => {
  test('always registers Inter latin and cyrillic subsets, each under its own family name', () => {
    const set = fontsFor('Hello');
    const names = new Set(set.fonts.map((f) => f.name));
    expect(names).toContain('Inter latin');
    expect(names).toContain('Inter cyrillic');
    expect(set.family).toContain("'Inter cyrillic'");
  });
  test('adds Arabic and Chinese subsets only when the text needs them', () => {
    expect(fontsFor('Hello').files.some((f) => f.includes('arabic') || f.includes('noto-sans-sc'))).toBe(false);
    const files = fontsFor('مرحبا 你好').files;
    expect(files.some((f) => f.startsWith('noto-sans-arabic-arabic-400'))).toBe(true);
    expect(files.some((f) => f.startsWith('noto-sans-sc-'))).toBe(true);
  });
  test('parses @fontsource CSS unicode ranges', () => {
    const css = `@font-face { font-family: 'Inter'; src: url(./files/inter-cyrillic-400-normal.woff2) format('woff2'), url(./files/inter-cyrillic-400-normal.woff) format('woff'); unicode-range: U+0301,U+0400-045F; }`;
    expect(parseFontsourceCss(css, '/pkg', 400)).toEqual([
      { name: 'Inter cyrillic', weight: 400, file: path.join('/pkg', 'files/inter-cyrillic-400-normal.woff'), ranges: [[0x301, 0x301], [0x400, 0x45f]] },
    ]);
  });
});

describe('renderCardPng', () => {
  test('renders a 1200x630 PNG under 150 KB, byte-identical on every render', async () => {
    const first = await renderCardPng(briefingCard);
    const second = await renderCardPng(briefingCard);
    expect(pngSize(first)).toEqual({ width: 1200, height: 630 });
    expect(first.length).toBeLessThan(150 * 1024);
    expect(first.equals(second)).toBe(true);
  });

  test('draws real glyphs for a Cyrillic title (not blank, not "no glyph" boxes)', async () => {
    const card = (title: string): CardContent => ({ kind: 'page', siteName: 'Desk', label: 'Actor', title, subtitle: ' ', footer: ' ' });
    // Dark pixels in the title band: text is drawn in ink on paper.
    const ink = async (title: string) => {
      // The published PNG, decoded: what a reader's browser shows.
      const { data: pixels, info } = await sharp(await renderCardPng(card(title))).raw().toBuffer({ resolveWithObject: true });
      const { width, channels } = info;
      let dark = 0;
      for (let y = 150; y < 420; y++) {
        for (let x = 100; x < 1100; x++) {
          const i = (y * width + x) * channels;
          if (pixels[i]! < 100 && pixels[i + 1]! < 100 && pixels[i + 2]! < 100) dark++;
        }
      }
      return dark;
    };
    const blank = await ink(' ');
    const heavy = await ink('ЖЖЖЖЖЖ');
    const light = await ink('ииииии');
    expect(blank).toBe(0);
    expect(heavy).toBeGreaterThan(2000);
    // "No glyph" boxes look the same for every letter; real glyphs differ in shape and ink.
    expect(Math.abs(heavy - light)).toBeGreaterThan(heavy * 0.2);
    const name = await renderCardPng(card('Сергей Лавров'));
    expect(name.equals(await renderCardPng(card('Лавров Сергей')))).toBe(false);
  });
});

describe('card cache', () => {
  test('the key changes when any input changes and is stable otherwise', () => {
    expect(cardKey(briefingCard)).toBe(cardKey({ ...briefingCard }));
    expect(cardKey(briefingCard)).not.toBe(cardKey({ ...briefingCard, summary: 'Moscow wants written answers!' }));
    expect(cardKey(briefingCard)).not.toBe(cardKey({ ...briefingCard, actors: ['Sergey Lavrov'] }));
  });

  const corpus = tempCorpus('basic');
  const work = mkdtempSync(path.join(tmpdir(), 'cards-'));
  afterAll(() => {
    corpus.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  test('a rebuild renders nothing; editing one briefing re-renders only the cards that show its text', async () => {
    const site = { name: 'Desk', tagline: 'Tagline' };
    const cacheDir = path.join(work, 'cache');
    const first = await buildCards({ model: corpus.check().model, site, outDir: path.join(work, 'out1'), cacheDir, threads: 2 });
    expect(first.rendered).toBe(first.cards);
    expect(first.cards).toBe(planCards(corpus.check().model, site).length);

    const second = await buildCards({ model: corpus.check().model, site, outDir: path.join(work, 'out2'), cacheDir, threads: 2 });
    expect(second.rendered).toBe(0);
    const cardFiles = (dir: string) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('og.png')).map(String).sort();
    expect(cardFiles(path.join(work, 'out2'))).toEqual(cardFiles(path.join(work, 'out1')));
    for (const file of cardFiles(path.join(work, 'out1'))) {
      expect(readFileSync(path.join(work, 'out2', file)).equals(readFileSync(path.join(work, 'out1', file)))).toBe(true);
    }

    // The second round's summary appears only on its own briefing card.
    const before = readFileSync(path.join(work, 'out2/briefings/second-round/og.png'));
    corpus.write('briefings/second-round.md', corpus.read('briefings/second-round.md').replace('A plain Markdown briefing.', 'A plain Markdown briefing, revised.'));
    const third = await buildCards({ model: corpus.check().model, site, outDir: path.join(work, 'out3'), cacheDir, threads: 2 });
    expect(third.rendered).toBe(1);
    expect(readFileSync(path.join(work, 'out3/briefings/second-round/og.png')).equals(before)).toBe(false);
  });
});
