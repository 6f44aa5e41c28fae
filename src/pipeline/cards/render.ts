/**
 * Card rendering: layout → satori (SVG, text drawn as paths) → pixels drawn by
 * Skia (raster.ts), or by librsvg (sharp) for SVG the Skia drawer does not know →
 * PNG (png.ts). Skia draws and hands over a card's pixels in about 5 ms of CPU
 * where librsvg took 15–20, and png.ts encodes them in about 5 where sharp took
 * 9–15 (bench/RESULTS.md, "Card CPU").
 */
import sharp from 'sharp';
import satori from 'satori';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { readFileSync } from 'node:fs';
import { drawableCard } from './coverage.ts';
import { encodePng } from './png.ts';
import { drawSvg, type RawPixels } from './raster.ts';
import { fontsFor, type SatoriFont } from './fonts.ts';
import { withOwnShaping } from './own-shaping.ts';
import { inlineShapedText, loadHarfbuzz } from './shaped-text.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout, cardStrings, type CardBrand, type CardContent, type CardNode } from './layout.ts';

export async function renderCardSvg(content: CardContent): Promise<string> {
  // Characters no font has become U+FFFD, never a box (the content check has warned about them).
  const card = drawableCard(content);
  const { fonts, family } = fontsFor(cardStrings(card));
  await loadHarfbuzz();
  return renderTreeSvg(cardLayout(card, family, logoDataUrl(card.brand)), fonts);
}

/** Satori on a layout tree, with the text blocks satori would shape wrongly drawn by shaped-text.ts. */
export async function renderTreeSvg(tree: CardNode, fonts: SatoriFont[], size = { width: CARD_WIDTH, height: CARD_HEIGHT }): Promise<string> {
  await loadHarfbuzz();
  // satori's types want React elements; our plain {type, props} tree is what it reads.
  return inlineShapedText(await satori(withOwnShaping(tree) as unknown as Parameters<typeof satori>[0], { ...size, fonts }));
}

/** The logo as a data URL, read once per worker: every card of a build draws the same one. */
const logos = new Map<string, string>();
function logoDataUrl(brand: CardBrand | undefined): string | undefined {
  if (!brand?.logo) return undefined;
  let url = logos.get(brand.logo.sha256);
  if (!url) {
    const type = brand.logo.file.toLowerCase().endsWith('.svg') ? 'image/svg+xml' : 'image/png';
    logos.set(brand.logo.sha256, (url = `data:${type};base64,${readFileSync(brand.logo.file).toString('base64')}`));
  }
  return url;
}

// libvips' pixel buffers live outside V8's heap, so V8 underestimates the garbage a
// batch of cards leaves behind; an occasional full collection keeps a worker flat.
// Every 100 cards, not every 25 as it was: a forced full collection costs 45–70 ms of
// CPU in a card worker and leaves the next cards slower, and every 25 cards made a
// card about 7 ms of CPU dearer (37–39 → 28–31 ms over 2,500 cards) for 12 MB less
// peak memory a worker; collecting only after 16 MB of growth saved no more CPU and
// let a worker grow by 110 MB (bench/RESULTS.md, "Card CPU").
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const CARDS_BETWEEN_COLLECTIONS = 100;
let sinceCollect = 0;

/** The card's pixels: Skia's, or librsvg's for SVG raster.ts does not draw. */
async function pixelsOf(svg: string): Promise<RawPixels> {
  const drawn = drawSvg(svg);
  if (drawn) return drawn;
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

export async function svgToPng(svg: string): Promise<Buffer> {
  const { data, width, height } = await pixelsOf(svg);
  const png = encodePng(data, width, height);
  if (++sinceCollect >= CARDS_BETWEEN_COLLECTIONS) {
    sinceCollect = 0;
    collectGarbage();
  }
  return png;
}

export async function renderCardPng(card: CardContent): Promise<Buffer> {
  return svgToPng(await renderCardSvg(card));
}
