/**
 * The Skia drawer (raster.ts) and the PNG writer (png.ts) against the renderer
 * they replaced: librsvg, through sharp, on the same satori SVG. Every kind of
 * card is drawn by Skia (no fallback), and its pixels agree with librsvg's
 * except for anti-aliasing at glyph edges; SVG outside satori's vocabulary goes
 * to librsvg; the PNGs decode in two independent decoders.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import type { CardBrand, CardContent } from '../../src/pipeline/cards/layout.ts';
import { encodePixels, encodePng } from '../../src/pipeline/cards/png.ts';
import { drawSvg } from '../../src/pipeline/cards/raster.ts';
import { renderCardPng, renderCardSvg, renderCardTextSvg, svgToPng } from '../../src/pipeline/cards/render.ts';
import { joinWords } from '../../src/pipeline/cards/skia-text.ts';

const svgLogo = path.resolve(import.meta.dirname, '../fixtures/publication/brand/logo.svg');
const brand: CardBrand = { accent: '#1d6b3a', language: 'de', logo: { file: svgLogo, sha256: 'test', width: 64, height: 64 } };

const CARDS: Record<string, CardContent> = {
  briefing: { kind: 'briefing', siteName: 'Desk', title: 'Lavrov: patience has run out', summary: 'Moscow wants written answers by Friday.', date: '2022-01-14', actors: ['Sergey Lavrov', 'Jake Sullivan'] },
  actor: { kind: 'actor', siteName: 'Desk', name: 'Сергей Лавров', role: 'Foreign minister', positions: 12, briefings: 4, latestStance: 'Demands written answers', latestDate: '2022-01-14' },
  position: { kind: 'position', siteName: 'Desk', text: 'We have run out of patience.', isQuote: true, actorName: 'Sergey Lavrov', role: 'Foreign minister', date: '2022-01-14', briefingTitle: 'Talks in Geneva', corrected: '2022-01-15' },
  page: { kind: 'page', siteName: 'Desk', label: 'Topic', title: 'Humanitarian aid', subtitle: 'Briefings and positions on humanitarian aid.', footer: '5 briefings · 15 positions' },
  'logo and accent': { kind: 'briefing', brand, siteName: 'Lagebild', title: 'Gespräche in Genf', summary: 'Moskau will schriftliche Antworten.', date: '2022-01-20', actors: ['A'] },
  'self-shaped Bengali': { kind: 'position', siteName: 'Desk', text: 'আমরা আলোচনা চালিয়ে যাব।', isQuote: true, actorName: 'অমিত দত্ত', date: '2022-01-14', briefingTitle: 'আলোচনা' },
  'right to left': { kind: 'position', siteName: 'Desk', text: 'נמשיך את השיחות עם NATO.', isQuote: false, actorName: 'נועה לוי', date: '2022-01-14', briefingTitle: 'שיחות' },
  Japanese: { kind: 'position', siteName: 'Desk', text: '私たちは交渉を続けます。', isQuote: true, actorName: '岸田文雄', date: '2022-01-14', briefingTitle: '外交の会談' },
  Chinese: { kind: 'position', siteName: 'Desk', text: '我们将继续谈判,直到达成协议。', isQuote: true, actorName: '王毅', date: '2022-01-14', briefingTitle: '日内瓦会谈' },
  Vietnamese: { kind: 'position', siteName: 'Desk', text: 'Chúng tôi sẽ tiếp tục đàm phán.', isQuote: true, actorName: 'Nguyễn Văn Ánh', date: '2022-01-14', briefingTitle: 'Đàm phán' },
  Armenian: { kind: 'position', siteName: 'Desk', text: 'Մենք կշարունակենք բանակցությունները։', isQuote: true, actorName: 'Արամ', date: '2022-01-14', briefingTitle: 'Բանակցություններ' },
  Tamil: { kind: 'position', siteName: 'Desk', text: 'நாங்கள் பேச்சுவார்த்தையைத் தொடர்வோம்.', isQuote: true, actorName: 'அருண்', date: '2022-01-14', briefingTitle: 'பேச்சு' },
  Korean: { kind: 'position', siteName: 'Desk', text: '우리는 협상을 계속할 것입니다.', isQuote: true, actorName: '김민수', date: '2022-01-14', briefingTitle: '회담' },
  'Greek, with markup characters': { kind: 'position', siteName: 'Desk & <Co>', text: 'Θα συνεχίσουμε "τώρα" & <όχι> \'αύριο\'.', isQuote: true, actorName: 'Νίκος', date: '2022-01-14', briefingTitle: 'A < B > C' },
};

/** The cards whose words Skia draws from the fonts (skia-text.ts): every one but the right-to-left. */
const TEXT_CARDS = Object.entries(CARDS).filter(([name]) => name !== 'right to left');

async function librsvgPixels(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
}
const rgbOf = (rgba: Uint8ClampedArray) => Buffer.from(rgba.filter((_, i) => i % 4 !== 3));

/** Mean absolute difference a channel, and the share of channels more than 64 apart. */
function difference(a: Buffer, b: Buffer) {
  expect(a.length).toBe(b.length);
  let sum = 0;
  let far = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    sum += d;
    if (d > 64) far++;
  }
  return { mean: sum / a.length, farShare: far / a.length };
}

// Measured on these cards: means 0.05–0.11, far shares at most 0.0004%. A card
// with one word changed, compared with the original, is far above both (see below).
const MEAN_LIMIT = 0.5;
const FAR_LIMIT = 0.001;

describe('Skia draws every kind of card as librsvg does', () => {
  test.each(Object.entries(CARDS))('%s', async (_, card) => {
    const svg = await renderCardSvg(card);
    const reasons: string[] = [];
    const drawn = drawSvg(svg, (reason) => reasons.push(reason));
    expect(reasons).toEqual([]);
    expect(drawn).toBeDefined();
    const { mean, farShare } = difference(rgbOf(drawn!.data), await librsvgPixels(svg));
    expect(mean).toBeLessThan(MEAN_LIMIT);
    expect(farShare).toBeLessThan(FAR_LIMIT);
  });

  test('the comparison tells cards apart: one word changed is far over both limits', async () => {
    const changed = await renderCardSvg({ ...(CARDS.position as Extract<CardContent, { kind: 'position' }>), text: 'We have run out of time.' });
    const drawn = drawSvg(await renderCardSvg(CARDS.position!))!;
    const { mean, farShare } = difference(rgbOf(drawn.data), await librsvgPixels(changed));
    expect(mean).toBeGreaterThan(MEAN_LIMIT);
    expect(farShare).toBeGreaterThan(FAR_LIMIT);
  });

  test('the logo is drawn, not skipped', async () => {
    const svg = await renderCardSvg(CARDS['logo and accent']!);
    const withoutLogo = svg.replace(/<image [^>]*\/>/, '');
    expect(withoutLogo).not.toBe(svg);
    const { mean } = difference(rgbOf(drawSvg(svg)!.data), rgbOf(drawSvg(withoutLogo)!.data));
    expect(mean).toBeGreaterThan(0.05);
  });
});

describe('SVG outside satori’s part goes to librsvg', () => {
  const circle = '<svg width="40" height="40" viewBox="0 0 40 40" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="40" height="40" fill="#fff"/><circle cx="20" cy="20" r="15" fill="#f00"/></svg>';

  test.each([
    ['an element it does not draw', circle, '<circle>'],
    ['an attribute it does not read', '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="10" height="10" fill="#f00" opacity="0.5"/></svg>', 'rect[opacity]'],
    ['a mask that is not one white rect', '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"><mask id="m"><rect x="0" y="0" width="5" height="5" fill="#777"/></mask><rect x="0" y="0" width="10" height="10" fill="#f00" mask="url(#m)"/></svg>', 'mask that is not white'],
    ['a reference to nothing', '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="10" height="10" fill="#f00" clip-path="url(#nowhere)"/></svg>', 'reference url(#nowhere)'],
    ['a transform it does not know', '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"><g transform="rotate(45)"><rect x="0" y="0" width="10" height="10" fill="#f00"/></g></svg>', 'transform="rotate(45)"'],
    ['text between tags', '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg">hello</svg>', 'text or markup'],
    // The canvas is opaque and never cleared: a card must paint all of it first, or it would show the last card through.
    ['a first rect short of the whole canvas', '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="10" height="9" fill="#fff"/></svg>', 'does not first paint its whole background'],
    ['a see-through background', '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="10" height="10" fill="rgba(255,255,255,0.5)"/></svg>', 'does not first paint its whole background'],
    ['a background moved by a group', '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"><g transform="translate(1 0)"><rect x="0" y="0" width="10" height="10" fill="#fff"/></g></svg>', 'does not first paint its whole background'],
    ['a path before the background', '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"><path d="M0 0h5v5z" fill="#000"/><rect x="0" y="0" width="10" height="10" fill="#fff"/></svg>', 'does not first paint its whole background'],
    ['nothing drawn at all', '<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"></svg>', 'does not first paint its whole background'],
  ])('%s', (_, svg, reason) => {
    const reasons: string[] = [];
    expect(drawSvg(svg, (r) => reasons.push(r))).toBeUndefined();
    expect(reasons.join()).toContain(reason);
  });

  test('and librsvg draws it: the circle is red in the middle, white in the corner', async () => {
    const { data, info } = await sharp(await svgToPng(circle)).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(at(20, 20)).toEqual([255, 0, 0]);
    expect(at(1, 1)).toEqual([255, 255, 255]);
  });

  test('a drawing given up half-way leaves nothing behind for the next card', async () => {
    const svg = await renderCardSvg(CARDS.briefing!);
    const before = encodePng(drawSvg(svg)!.data, 1200, 630);
    // Gives up inside a translated group with a clip, after drawing a rect.
    const broken = '<svg width="1200" height="630" viewBox="0 0 1200 630" xmlns="http://www.w3.org/2000/svg"><clipPath id="c"><rect x="0" y="0" width="5" height="5"/></clipPath><g transform="translate(300 300)"><rect x="0" y="0" width="50" height="50" fill="#f00" clip-path="url(#c)"/><circle r="3"/></g></svg>';
    expect(drawSvg(broken)).toBeUndefined();
    expect(encodePng(drawSvg(svg)!.data, 1200, 630).equals(before)).toBe(true);
  });
});

// Drawn from the fonts, glyphs are hinted (their horizontal edges move by a fraction of a
// pixel), so the two drawings differ at many glyph edges; where a pixel within one step of
// it in the other drawing comes within 64 of it, the difference is only that. Measured on
// these cards: 0.008–0.09% of pixels have no such neighbour (the most in dense scripts:
// Tamil, Armenian, Vietnamese); with one word changed, 0.24–0.40%.
const NEIGHBOUR_FAR_LIMIT = 0.001;
const TEXT_MEAN_LIMIT = 1.3;

/** Share of pixels (grey) that no pixel within one step of it in the other image comes within 64 of, both ways. */
function farFromNeighbours(a: Buffer, b: Buffer, width = 1200, height = 630): number {
  const grey = (rgb: Buffer) => Uint8Array.from({ length: width * height }, (_, i) => (rgb[i * 3]! + rgb[i * 3 + 1]! + rgb[i * 3 + 2]!) / 3);
  const [p, q] = [grey(a), grey(b)];
  let far = 0;
  for (const [one, other] of [[p, q], [q, p]] as const) {
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        const v = one[y * width + x]!;
        let near = false;
        for (let dy = -1; dy <= 1 && !near; dy++) for (let dx = -1; dx <= 1 && !near; dx++) near = Math.abs(v - other[(y + dy) * width + x + dx]!) <= 64;
        if (!near) far++;
      }
    }
  }
  return far / (2 * width * height);
}

describe('Skia draws satori’s words from the fonts where librsvg fills their outlines', () => {
  test.each(TEXT_CARDS)('%s', async (_, card) => {
    const reasons: string[] = [];
    const drawn = drawSvg(await renderCardTextSvg(card), (reason) => reasons.push(reason));
    expect(reasons).toEqual([]);
    const outlined = await librsvgPixels(await renderCardSvg(card));
    expect(difference(rgbOf(drawn!.data), outlined).mean).toBeLessThan(TEXT_MEAN_LIMIT);
    expect(farFromNeighbours(rgbOf(drawn!.data), outlined)).toBeLessThan(NEIGHBOUR_FAR_LIMIT);
  });

  test('the comparison tells cards apart: one word changed is far over the limit', async () => {
    const position = CARDS.position as Extract<CardContent, { kind: 'position' }>;
    const drawn = drawSvg(await renderCardTextSvg({ ...position, text: 'We have run out of time.' }))!;
    expect(farFromNeighbours(rgbOf(drawn.data), await librsvgPixels(await renderCardSvg(position)))).toBeGreaterThan(2 * NEIGHBOUR_FAR_LIMIT);
  });

  test('a card’s PNG is the drawing from the fonts', async () => {
    const drawn = drawSvg(await renderCardTextSvg(CARDS.actor!))!;
    const expected = encodePng(drawn.data, drawn.width, drawn.height);
    expect((await renderCardPng(CARDS.actor!)).equals(expected)).toBe(true);
  });

  test('pixels are read off the canvas as the PNG is written, so reading them after the next drawing is refused', async () => {
    const first = drawSvg(await renderCardTextSvg(CARDS.actor!))!;
    const png = encodePixels(first);
    expect(png.equals(encodePng(first.data, first.width, first.height))).toBe(true);
    // A band read off the canvas is freed as soon as the encoder has copied it (detached, on Node 22).
    const band = first.rows(0, 10);
    expect(band.length).toBe(10 * first.width * 4);
    first.release!(band);
    if (typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function') expect(band.length).toBe(0);
    drawSvg(await renderCardTextSvg(CARDS.position!));
    expect(() => first.data).toThrow('pixels read after the next drawing began');
    expect(() => encodePixels(first)).toThrow('pixels read after the next drawing began');
  });

  test('cards rendered at the same time in one worker are the cards rendered one at a time', async () => {
    // A worker takes several cards at once; every card draws on the same reused canvas,
    // so no card may wait between drawing and reading its pixels (CI once caught one that did).
    const cards = Object.values(CARDS);
    const alone: Buffer[] = [];
    for (const card of cards) alone.push(await renderCardPng(card));
    const together = await Promise.all([...cards, ...cards].map((card) => renderCardPng(card)));
    together.forEach((png, i) => expect(png.equals(alone[i % cards.length]!)).toBe(true));
    const svgs = await Promise.all(cards.map((card) => renderCardSvg(card)));
    const outlinedAlone: Buffer[] = [];
    for (const svg of svgs) outlinedAlone.push(await svgToPng(svg));
    const outlinedTogether = await Promise.all([...svgs.map((svg) => svgToPng(svg)), ...cards.map((card) => renderCardPng(card))]);
    outlinedTogether.forEach((png, i) => expect(png.equals(i < svgs.length ? outlinedAlone[i]! : alone[i - svgs.length]!)).toBe(true));
  });

  test('right-to-left words, and slanted ones, are left to the outlines', async () => {
    const reasons: string[] = [];
    expect(drawSvg(await renderCardTextSvg(CARDS['right to left']!), (reason) => reasons.push(reason))).toBeUndefined();
    expect(reasons.join()).toContain('right-to-left');
    const outlined = await svgToPng(await renderCardSvg(CARDS['right to left']!));
    expect((await renderCardPng(CARDS['right to left']!)).equals(outlined)).toBe(true);
    const slanted = (await renderCardTextSvg(CARDS.position!)).replace('font-style="normal"', 'font-style="italic"');
    expect(drawSvg(slanted, (reason) => reasons.push(reason))).toBeUndefined();
    expect(reasons.join()).toContain('font-style="italic"');
  });

  test('words of one line in one style are shaped together; a gap, a new line or a new style starts a run', () => {
    const word = (x: number, content: string, extra: Record<string, string> = {}) => ({ name: 'text', attributes: { x: String(x), y: '80', width: '10', 'font-size': '20', ...extra }, content });
    const runs = [...joinWords([word(0, 'Lavrov'), word(10, ','), word(20, ' '), word(40, 'Foreign'), word(50, 'x', { fill: '#f00' }), { name: 'rect', attributes: {} }, word(60, 'y')][Symbol.iterator]())];
    expect(runs.map((r) => ('content' in r ? r.content : r.name))).toEqual(['Lavrov, ', 'Foreign', 'x', 'rect', 'y']);
    expect((runs[0]!.attributes as Record<string, string>).x).toBe('0');
  });
});

describe('encodePng', () => {
  test.each([1, 4, 7, 1203])('writes RGB PNGs that libspng (sharp) and pngjs both read back pixel for pixel (%i wide)', async (width) => {
    const height = 3;
    const rgba = new Uint8ClampedArray(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 37 + (i >> 5)) % 256));
    const png = encodePng(rgba, width, height);
    const expected = rgbOf(rgba);

    const viaSharp = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(viaSharp.info).toMatchObject({ width, height, channels: 3 });
    expect(viaSharp.data.equals(expected)).toBe(true);

    // pngjs checks every chunk's CRC and the zlib stream as it reads.
    const viaPngjs = PNG.sync.read(png);
    expect([viaPngjs.width, viaPngjs.height]).toEqual([width, height]);
    expect(rgbOf(new Uint8ClampedArray(viaPngjs.data)).equals(expected)).toBe(true);
  });

  test('reads pixels that do not start on a 4-byte boundary', () => {
    const rgba = new Uint8ClampedArray(2 * 2 * 4).fill(200);
    const shifted = new Uint8Array(rgba.length + 1);
    shifted.set(rgba, 1);
    expect(encodePng(shifted.subarray(1), 2, 2).equals(encodePng(rgba, 2, 2))).toBe(true);
  });

  test('refuses pixels that do not fill the image', () => {
    expect(() => encodePng(new Uint8ClampedArray(10), 2, 2)).toThrow(/10 bytes for 2×2 RGBA/);
  });

  test('a card’s PNG stays far below the 150 KB share previews allow', async () => {
    for (const card of Object.values(CARDS)) expect((await svgToPng(await renderCardSvg(card))).length).toBeLessThan(150_000);
  });
});

// The fixture logo really is an SVG (the logo test above would pass trivially on an empty file).
test('fixture logo is an SVG with content', () => {
  expect(readFileSync(svgLogo, 'utf8')).toMatch(/<svg[\s\S]+<\/svg>/);
});
