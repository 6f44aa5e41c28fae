/**
 * Card rendering: layout → satori (SVG, text drawn as paths) → PNG with
 * @resvg/resvg-js. Measured here (bench/rasterizers.ts, bench/cards.ts): resvg's
 * renderAsync about 40 ms a card, PNGs of 45–70 KB; encoding resvg's pixels with
 * sharp instead of asPng() saved nothing worth a second native library; resvg's
 * synchronous render() leaks its pixel buffer (≈3.5 MB a card) even with GC.
 * So: renderAsync, and a periodic GC because V8 does not see the native
 * buffers' size and would otherwise let them pile up.
 */
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { fontsFor } from './fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout, cardStrings, type CardContent } from './layout.ts';

export async function renderCardSvg(card: CardContent): Promise<string> {
  const { fonts, family } = fontsFor(cardStrings(card));
  // satori's types want React elements; our plain {type, props} tree is what it reads.
  return satori(cardLayout(card, family) as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
let sinceCollect = 0;

export async function svgToPng(svg: string): Promise<Buffer> {
  const png = (await renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } })).asPng();
  if (++sinceCollect >= 25) {
    sinceCollect = 0;
    collectGarbage();
  }
  return png;
}

export async function renderCardPng(card: CardContent): Promise<Buffer> {
  return svgToPng(await renderCardSvg(card));
}
