/**
 * Card rendering: layout → satori (SVG, text drawn as paths) → PNG with sharp
 * (libvips, librsvg). Measured on this project's cards (bench/rasterizers.ts):
 * sharp rasterises and encodes a card in about 20–25 ms of CPU, @resvg/resvg-js's
 * renderAsync in about 40–50 ms, which made resvg most of a card's cost. The
 * alpha channel is dropped (cards are opaque): smaller PNGs, faster encoding.
 * zlib level 4 instead of 6: about 3 ms less CPU a card for PNGs about 5% larger
 * (still far below the 150 KB the share previews allow).
 */
import sharp from 'sharp';
import satori from 'satori';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { readFileSync } from 'node:fs';
import { drawableCard } from './coverage.ts';
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

/** How the PNG is encoded; part of the cache key, since it decides the bytes. */
export const PNG_OPTIONS = { compressionLevel: 4 } as const;

export async function svgToPng(svg: string): Promise<Buffer> {
  const png = await sharp(Buffer.from(svg)).removeAlpha().png(PNG_OPTIONS).toBuffer();
  if (++sinceCollect >= CARDS_BETWEEN_COLLECTIONS) {
    sinceCollect = 0;
    collectGarbage();
  }
  return png;
}

export async function renderCardPng(card: CardContent): Promise<Buffer> {
  return svgToPng(await renderCardSvg(card));
}
