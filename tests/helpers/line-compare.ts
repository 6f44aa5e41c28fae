/**
 * One line of text drawn two ways, by the card renderer (satori, then sharp) and by
 * Chromium, with the same font subsets at the same size, compared as ink: each
 * image is cut to the box of its dark pixels, scaled to a common size, and the
 * overlap of the two ink masks is measured (intersection over union). Glyphs
 * shaped differently (a conjunct drawn as separate letters, Arabic letters left
 * unjoined, a mark in the wrong place) change the ink's shape and width, and the overlap drops.
 */
import type { Browser } from 'playwright-core';
import satori from 'satori';
import sharp from 'sharp';
import { fontsFor } from '../../src/pipeline/cards/fonts.ts';
import { paragraphDirection } from '../../src/pipeline/cards/direction.ts';

export const LINE = { width: 1100, height: 140, fontSize: 56 } as const;

/** The line as a card draws it: satori with the card's font list, sharp to PNG. */
export async function cardLine(text: string): Promise<Buffer> {
  const { fonts, family } = fontsFor(text);
  const direction = paragraphDirection(text);
  const svg = await satori(
    { type: 'div', props: { style: { width: LINE.width, height: LINE.height, display: 'flex', alignItems: 'center', backgroundColor: '#fff', color: '#000', fontFamily: family, fontSize: LINE.fontSize, padding: '0 20px', direction, justifyContent: direction === 'rtl' ? 'flex-end' : 'flex-start' }, children: text } } as never,
    { width: LINE.width, height: LINE.height, fonts },
  );
  return sharp(Buffer.from(svg)).flatten({ background: '#fff' }).png().toBuffer();
}

/** The same line in Chromium: the same subsets as web fonts under the same names, the same size. */
export async function browserLine(browser: Browser, text: string, fontText = text): Promise<Buffer> {
  const { fonts, family } = fontsFor(fontText);
  const faces = fonts.map((f) => `@font-face { font-family: '${f.name}'; font-weight: ${f.weight}; src: url(data:font/woff;base64,${f.data.toString('base64')}) format('woff'); }`).join('\n');
  const page = await browser.newPage({ viewport: { width: LINE.width, height: LINE.height }, deviceScaleFactor: 1 });
  try {
    await page.setContent(`<!doctype html><html><head><style>${faces}
      html, body { margin: 0; background: #fff; }
      #line { width: ${LINE.width}px; height: ${LINE.height}px; box-sizing: border-box; padding: 0 20px; display: flex; align-items: center; font-family: ${family}; font-size: ${LINE.fontSize}px; color: #000; white-space: nowrap; }
    </style></head><body><div id="line" dir="auto"></div></body></html>`);
    await page.locator('#line').evaluate((el, t) => (el.textContent = t), text);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return await page.locator('#line').screenshot();
  } finally {
    await page.close();
  }
}

interface Ink { mask: Uint8Array; width: number; height: number }

/** The dark pixels of a PNG, cut to their bounding box. */
async function ink(png: Buffer): Promise<Ink & { box: { width: number; height: number } }> {
  const { data, info } = await sharp(png).flatten({ background: '#fff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  let [x0, y0, x1, y1] = [info.width, info.height, -1, -1];
  for (let y = 0; y < info.height; y++) for (let x = 0; x < info.width; x++) {
    if (data[y * info.width + x]! < 128) {
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) throw new Error('no ink in the image');
  const box = { width: x1 - x0 + 1, height: y1 - y0 + 1 };
  return { mask: new Uint8Array(), width: 0, height: 0, box, ...{ crop: await sharp(png).flatten({ background: '#fff' }).greyscale().extract({ left: x0, top: y0, width: box.width, height: box.height }).png().toBuffer() } } as never;
}

async function maskAt(crop: Buffer, width: number, height: number): Promise<Uint8Array> {
  const { data } = await sharp(crop).resize(width, height, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  return Uint8Array.from(data, (v) => (v < 128 ? 1 : 0));
}

export interface LineComparison {
  /** Ink box sizes (px): card, browser. */
  card: { width: number; height: number };
  browser: { width: number; height: number };
  /** Intersection over union of the ink masks at a common size, 0…1. */
  overlap: number;
}

export async function compareLines(cardPng: Buffer, browserPng: Buffer): Promise<LineComparison> {
  const a = (await ink(cardPng)) as unknown as { box: { width: number; height: number }; crop: Buffer };
  const b = (await ink(browserPng)) as unknown as { box: { width: number; height: number }; crop: Buffer };
  const [w, h] = [a.box.width, a.box.height];
  const [ma, mb] = [await maskAt(a.crop, w, h), await maskAt(b.crop, w, h)];
  let both = 0;
  let either = 0;
  for (let i = 0; i < ma.length; i++) {
    both += ma[i]! & mb[i]!;
    either += ma[i]! | mb[i]!;
  }
  return { card: a.box, browser: b.box, overlap: either ? both / either : 0 };
}
