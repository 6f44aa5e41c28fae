/**
 * Share cards in every script a world desk quotes (tests/fixtures/scripts): the
 * right fonts are loaded, and only when needed; no character is drawn as a box;
 * right-to-left text is set right to left; a character no font has is replaced
 * and reported.
 */
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { drawableCard, replaceUncovered, uncoveredCharacters } from '../../src/pipeline/cards/coverage.ts';
import { paragraphDirection } from '../../src/pipeline/cards/direction.ts';
import { fontsFor } from '../../src/pipeline/cards/fonts.ts';
import { cardLayout, type CardContent, type CardNode } from '../../src/pipeline/cards/layout.ts';
import { renderCardPng, renderCardSvg } from '../../src/pipeline/cards/render.ts';
import { inlineShapedText, loadHarfbuzz, needsOwnShaping, shapedTextSvg } from '../../src/pipeline/cards/shaped-text.ts';
import { SAMPLES } from '../fixtures/scripts/generate.ts';
import { shapeAsCard } from '../helpers/shaping.ts';

const positionCard = (text: string, actorName: string, role?: string): CardContent => ({
  kind: 'position', siteName: 'Desk', text, isQuote: true, actorName, role, date: '2024-03-01', briefingTitle: 'Talks go on',
});

/** The layout node whose only child is `text`. */
function nodeOf(node: CardNode | string, text: string): CardNode | undefined {
  if (typeof node === 'string') return undefined;
  const children = node.props.children;
  if (children === text) return node;
  const list = Array.isArray(children) ? children : children === undefined ? [] : [children];
  if (list.length === 1 && list[0] === text) return node;
  for (const child of list) {
    const found = nodeOf(child, text);
    if (found) return found;
  }
  return undefined;
}

/** Leftmost and rightmost dark (ink) column of the PNG in a band of rows. */
async function inkColumns(png: Buffer, top: number, bottom: number): Promise<{ left: number; right: number; dark: number }> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let left = info.width;
  let right = -1;
  let dark = 0;
  for (let y = top; y < bottom; y++) {
    // Columns from 40: the card's accent bar is at the far left.
    for (let x = 40; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (data[i]! < 110 && data[i + 1]! < 110 && data[i + 2]! < 110) {
        dark++;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { left, right, dark };
}

describe('fontsFor, per script', () => {
  test.each(SAMPLES.map((s) => [s.script, s] as const))('%s: its font is loaded, and every character of name, role and quote has a glyph', async (_, sample) => {
    const text = `${sample.name} ${sample.role} ${sample.quote}`;
    const files = fontsFor(text).files;
    expect(files.some((f) => new RegExp(`^${sample.font}-`).test(f)), files.join(', ')).toBe(true);
    expect(uncoveredCharacters(text)).toEqual([]);
    // Shaped as satori shapes it: no run is without a font, and no glyph is .notdef (id 0).
    const runs = await shapeAsCard(text);
    expect(runs.filter((r) => r.face === null).map((r) => r.text)).toEqual([]);
    expect(runs.filter((r) => r.glyphs.some((g) => g.g === 0)).map((r) => `${r.text} in ${r.face!.name}`)).toEqual([]);
  });

  test('a Latin-only card loads what it always loaded: the Inter subsets and nothing else', () => {
    const files = fontsFor('Sergey Lavrov, Foreign Minister · “We have run out of patience.” Ünal, Łódź, Сергей').files;
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => f.startsWith('inter-'))).toBe(true);
  });

  test('a script font is loaded only for a card whose text needs it', () => {
    const hebrew = fontsFor('נועה לוי').files;
    expect(hebrew.some((f) => f.startsWith('noto-sans-hebrew-hebrew-'))).toBe(true);
    expect(hebrew.some((f) => /devanagari|georgian|arabic|noto-sans-(sc|jp|kr|tc)/.test(f))).toBe(false);
  });

  test('Han characters come from the Japanese font in a text with kana, from the Korean one with Hangul', () => {
    expect(fontsFor('外務報道官です').files.some((f) => f.startsWith('noto-sans-jp-'))).toBe(true);
    expect(fontsFor('外務報道官です').files.some((f) => f.startsWith('noto-sans-sc-'))).toBe(false);
    expect(fontsFor('外交部发言人').files.some((f) => f.startsWith('noto-sans-sc-'))).toBe(true);
  });

  test('Devanagari is shaped into conjuncts, Arabic letters join: fewer or other glyphs than letters', async () => {
    const [hindi] = await shapeAsCard('प्रवक्ता');
    // प्र and क्त are conjuncts: eight code points, fewer glyphs.
    expect(hindi!.glyphs.length).toBeLessThan(Array.from('प्रवक्ता').length);
    // Three beh in a row join: initial, medial and final forms, three glyphs the isolated letter does not use.
    const [alone] = await shapeAsCard('ب');
    const [joined] = await shapeAsCard('ببب');
    const isolated = new Set(alone!.glyphs.map((g) => g.g));
    expect(new Set(joined!.glyphs.map((g) => g.g).filter((g) => !isolated.has(g))).size).toBe(3);
  });
});

describe('never a silent box', () => {
  test('a character no bundled font has is reported with its code point; emoji and joiners are not', () => {
    expect(uncoveredCharacters('Scribe 𓀀 of Thebes 𓀀')).toEqual([{ char: '𓀀', codePoint: 'U+13000' }]);
    expect(uncoveredCharacters('Talks 🚀 resume')).toEqual([]);
    expect(uncoveredCharacters('می‌دهیم')).toEqual([]);
    // Inter's unicode-range lists U+FFFD but its cmap has no glyph for it: the cmap decides, another font draws it.
    expect(uncoveredCharacters('\uFFFD')).toEqual([]);
  });

  test('the card draws U+FFFD in its place, from a font that has it', async () => {
    expect(replaceUncovered('Scribe 𓀀 of Thebes')).toBe('Scribe \uFFFD of Thebes');
    expect(replaceUncovered('Talks 🚀 resume')).toBe('Talks 🚀 resume');
    const card = drawableCard(positionCard('The 𓀀 sign', 'Scribe 𓁐'));
    expect(card).toMatchObject({ text: 'The \uFFFD sign', actorName: 'Scribe \uFFFD' });
    const runs = await shapeAsCard('\uFFFD');
    expect(runs[0]!.face?.name).toMatch(/^Noto Sans latin/);
    expect(runs[0]!.glyphs.every((g) => g.g !== 0)).toBe(true);
    // What is drawn is the replacement: same pixels as a card written with U+FFFD.
    expect((await renderCardPng(positionCard('The 𓀀 sign', 'A'))).equals(await renderCardPng(positionCard('The \uFFFD sign', 'A')))).toBe(true);
  });
});

describe('right to left in cards', () => {
  test.each([
    ['נמשיך את השיחות עם NATO בשבוע הבא.', 'rtl'],
    ['ما به مذاکره با IAEA ادامه می‌دهیم.', 'rtl'],
    ['“נועה לוי”', 'rtl'],
    ['NATO: נמשיך את השיחות', 'ltr'],
    ['2024: נמשיך', 'rtl'],
    ['We will continue.', 'ltr'],
  ])('%j is a %s paragraph (its first strong character decides)', (text, direction) => {
    expect(paragraphDirection(text)).toBe(direction);
  });

  test('a right-to-left quote and speaker are right-to-left blocks aligned right; a Latin one is untouched', () => {
    const layout = cardLayout(positionCard('נמשיך את השיחות עם NATO.', 'נועה לוי', 'דוברת משרד החוץ'), 'x');
    expect(nodeOf(layout, '“נמשיך את השיחות עם NATO.”')!.props.style).toMatchObject({ direction: 'rtl', textAlign: 'right' });
    expect(nodeOf(layout, 'נועה לוי, דוברת משרד החוץ')!.props.style).toMatchObject({ direction: 'rtl', textAlign: 'right' });
    const latin = cardLayout(positionCard('We will continue.', 'Noa Levi'), 'x');
    expect(nodeOf(latin, '“We will continue.”')!.props.style).not.toHaveProperty('direction');
  });

  test('in the PNG, a short Hebrew quote ends at the right margin and a Latin one starts at the left', async () => {
    // The quote's band of the card (between the label row and the speaker).
    const hebrew = await inkColumns(await renderCardPng(positionCard('שלום', 'A')), 200, 320);
    const latin = await inkColumns(await renderCardPng(positionCard('Peace', 'A')), 200, 320);
    expect(hebrew.dark).toBeGreaterThan(500);
    expect(latin.dark).toBeGreaterThan(500);
    // Card 1200 px wide, text area from 84 to 1128 px.
    expect(hebrew.right).toBeGreaterThan(1100);
    expect(hebrew.left).toBeGreaterThan(800);
    expect(latin.left).toBeLessThan(100);
    expect(latin.right).toBeLessThan(400);
  });

  test('the Latin word inside a Hebrew quote keeps its letters in order (the bidi algorithm, not a mirror image)', async () => {
    const svg = await renderCardSvg(positionCard('נמשיך עם NATO היום', 'A'));
    const flipped = await renderCardSvg(positionCard('נמשיך עם OTAN היום', 'A'));
    expect(svg).not.toBe(flipped);
  });
});

describe('text satori would misplace marks in (shaped-text.ts)', () => {
  test('only text with a vertically offset mark is drawn by shaped-text.ts: Latin, Hebrew, Han, Georgian and Devanagari text stay with satori', async () => {
    await loadHarfbuzz();
    for (const text of ['Sergey Lavrov', 'נועה לוי', '李明华', 'अर्जुन शर्मा', 'ნინო ბერიძე']) expect(needsOwnShaping(text, 700), text).toBe(false);
    for (const text of ['চালিয়ে', 'مُحَمَّد', 'عائشہ خان']) expect(needsOwnShaping(text, 700), text).toBe(true);
  });

  test('a long text wraps at word boundaries into the lines allowed, the last one cut with an ellipsis', async () => {
    await loadHarfbuzz();
    const style = { fontSize: 40, fontWeight: 400 as const, lineHeight: 1.25, color: '#000', width: 500, lines: 2 };
    const one = shapedTextSvg('চালিয়ে', style);
    const long = shapedTextSvg('আমরা আলোচনা চালিয়ে যাব '.repeat(8), style);
    expect(one.height).toBe(Math.ceil(40 * 1.25));
    expect(long.height).toBe(Math.ceil(2 * 40 * 1.25));
    // No glyph is drawn beyond the width: every path starts inside it.
    const xs = [...long.svg.matchAll(/translate\(([-\d.]+) /g)].map((m) => Number(m[1]));
    expect(Math.max(...xs)).toBeLessThan(500);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  });

  test('a right-to-left block ends at the right edge', async () => {
    await loadHarfbuzz();
    const { svg } = shapedTextSvg('عائشہ خان', { fontSize: 40, fontWeight: 400, lineHeight: 1.25, color: '#000', width: 800, lines: 1 });
    const xs = [...svg.matchAll(/translate\(([-\d.]+) /g)].map((m) => Number(m[1]));
    expect(Math.min(...xs)).toBeGreaterThan(500);
  });

  test('its drawing is put into the card as plain paths where satori placed it; other images are left alone', async () => {
    await loadHarfbuzz();
    const { svg } = shapedTextSvg('চালিয়ে', { fontSize: 40, fontWeight: 400, lineHeight: 1.25, color: '#123456', width: 300, lines: 1 });
    const image = (data: string) => `<image x="84" y="236.5" width="300" height="50" href="data:image/svg+xml;base64,${Buffer.from(data).toString('base64')}" preserveAspectRatio="none" clip-path="url(#c)"/>`;
    const inlined = inlineShapedText(`<svg>${image(svg)}</svg>`);
    expect(inlined).toMatch(/^<svg><g transform="translate\(84 236\.5\)"><g fill="#123456"><path /);
    expect(inlined).not.toContain('<image');
    const foreign = image('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
    expect(inlineShapedText(foreign)).toBe(foreign);
  });

  test('a card with such text carries the drawing inline, no image; a Latin card is drawn by satori alone', async () => {
    const bengali = await renderCardSvg(positionCard('আমরা আলোচনা চালিয়ে যাব।', 'অমিত দত্ত'));
    expect(bengali).not.toContain('<image');
    expect(bengali).toContain('<g fill="#1b1f24"><path transform=');
    expect(await renderCardSvg(positionCard('We have run out of patience.', 'Sergey Lavrov'))).not.toContain('<path transform=');
  });
});
