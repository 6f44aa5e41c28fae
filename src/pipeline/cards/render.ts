/**
 * Card rendering: layout → satori (SVG with its words left as text) → pixels
 * drawn by Skia (raster.ts, the words from the fonts in skia-text.ts) → PNG
 * (png.ts). A card Skia does not draw that way (right-to-left words, SVG it does
 * not know) is rendered again with every glyph an outline, and drawn by Skia
 * or, failing that, by librsvg (sharp). Words drawn from the fonts save satori
 * writing every glyph's outline and Skia parsing and filling it: `npm run cards`
 * over the N=1000 corpus took 98 CPU-s instead of 110–114 (bench/RESULTS.md).
 */
import sharp from 'sharp';
import satori from 'satori';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { readFileSync } from 'node:fs';
import { drawableCard } from './coverage.ts';
import { hasRightToLeft } from './direction.ts';
import { encodePixels, pixelBuffer, type PixelSource } from './png.ts';
import { drawSvg } from './raster.ts';
import { fontsFor, type SatoriFont } from './fonts.ts';
import { withOwnShaping } from './own-shaping.ts';
import { registerFonts } from './skia-text.ts';
import { inlineShapedText, loadHarfbuzz } from './shaped-text.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout, cardStrings, type CardBrand, type CardContent, type CardNode } from './layout.ts';

/** A card's layout tree and the fonts it was laid out with. */
function laidOut(content: CardContent): { tree: CardNode; fonts: SatoriFont[]; rightToLeft: boolean } {
  // Characters no font has become U+FFFD, never a box (the content check has warned about them).
  const card = drawableCard(content);
  const strings = cardStrings(card);
  const { fonts, family } = fontsFor(strings);
  return { tree: cardLayout(card, family, logoDataUrl(card.brand)), fonts, rightToLeft: hasRightToLeft(strings) };
}

/** The card as self-contained SVG: every glyph an outline, for any SVG renderer. */
export async function renderCardSvg(content: CardContent): Promise<string> {
  const { tree, fonts } = laidOut(content);
  return renderTreeSvg(tree, fonts);
}

/**
 * Satori on a layout tree, with the text blocks satori would shape wrongly drawn
 * by shaped-text.ts. `outlines: false` leaves satori's own words as `<text>`
 * for Skia to draw from the same fonts (skia-text.ts).
 */
export async function renderTreeSvg(tree: CardNode, fonts: SatoriFont[], size = { width: CARD_WIDTH, height: CARD_HEIGHT }, outlines = true): Promise<string> {
  await loadHarfbuzz();
  // satori's types want React elements; our plain {type, props} tree is what it reads.
  return inlineShapedText(await satori(withOwnShaping(tree) as unknown as Parameters<typeof satori>[0], { ...size, fonts, embedFont: outlines }));
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
// batch of librsvg-drawn cards leaves behind; an occasional full collection keeps a
// worker flat. Only cards librsvg drew count: with Skia's pixels a worker stays flat
// on its own (bench/card-gc.ts: 428–435 MB from the 1,000th card to the 10,000th),
// and a forced collection every 100 cards made a card 12.5 ms of CPU instead of 8.8
// (`npm run cards` over the N=1000 corpus: 97.5 CPU-s instead of 69; bench/RESULTS.md).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const LIBRSVG_CARDS_BETWEEN_COLLECTIONS = 100;
let librsvgCards = 0;

/**
 * The SVG drawn by Skia and encoded at once, or undefined when raster.ts does not
 * draw it. Synchronous on purpose: a worker renders several cards at a time on the
 * one reused canvas, so an `await` between drawing and reading the pixels would let
 * another card draw over them (raster.ts refuses such a read).
 */
function skiaPng(svg: string): Buffer | undefined {
  const drawn = drawSvg(svg);
  return drawn && encodePixels(drawn);
}

/** librsvg's pixels, for SVG raster.ts does not draw. */
async function librsvgPixels(svg: string): Promise<PixelSource> {
  if (++librsvgCards >= LIBRSVG_CARDS_BETWEEN_COLLECTIONS) {
    librsvgCards = 0;
    collectGarbage();
  }
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return pixelBuffer(data, info.width, info.height);
}

export async function svgToPng(svg: string): Promise<Buffer> {
  return skiaPng(svg) ?? encodePixels(await librsvgPixels(svg));
}

/**
 * The card's PNG: its words drawn by Skia from the fonts (skia-text.ts); a card
 * whose SVG Skia does not draw that way is outlined and drawn as before.
 */
export async function renderCardPng(content: CardContent): Promise<Buffer> {
  const { tree, fonts, rightToLeft } = laidOut(content);
  // skia-text.ts leaves right-to-left words to satori's outlines: no need to try.
  const drawn = rightToLeft ? undefined : skiaPng(await textSvg(tree, fonts));
  return drawn ?? svgToPng(await renderTreeSvg(tree, fonts));
}

/** The card with satori's words left as `<text>`, its fonts ready for raster.ts to draw them. */
export async function renderCardTextSvg(content: CardContent): Promise<string> {
  const { tree, fonts } = laidOut(content);
  return textSvg(tree, fonts);
}

function textSvg(tree: CardNode, fonts: SatoriFont[]): Promise<string> {
  registerFonts(fonts);
  return renderTreeSvg(tree, fonts, undefined, false);
}
