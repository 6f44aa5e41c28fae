/**
 * One line of text drawn two ways, by the card renderer (satori, then sharp) and by
 * Chromium, with the same font subsets at the same size, compared as ink: each
 * image is cut to the box of its dark pixels, the two boxes are laid on each
 * other at their top-left corners, and the share of each one's ink that has the
 * other's ink within a pixel is measured. Glyphs
 * shaped differently (a conjunct drawn as separate letters, Arabic letters left
 * unjoined, a mark in the wrong place) change the ink's shape and width, and the share drops.
 */
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { fontsFor } from '../../src/pipeline/cards/fonts.ts';
import { clampedText } from '../../src/pipeline/cards/layout.ts';
import { renderTreeSvg } from '../../src/pipeline/cards/render.ts';

export const LINE = { width: 1100, height: 140, fontSize: 56 } as const;

/**
 * The line as a card draws it: a card text block (layout.ts clampedText, one line,
 * its width known) through render.ts, then sharp. `ownShaping: false` leaves the
 * block to satori alone, for showing what the card would draw without shaped-text.ts.
 */
export async function cardLine(text: string, options: { ownShaping?: boolean; fontSize?: number } = {}): Promise<Buffer> {
  const { fonts, family } = fontsFor(text);
  const block = clampedText(text, { fontSize: options.fontSize ?? LINE.fontSize, fontWeight: 400, lineHeight: 1.2 }, 1, LINE.width - 40);
  if (options.ownShaping === false) delete block.props.shape;
  // As in a card (layout.ts frame): the padding on an outer box, the block in a flex column inside it.
  const column = { type: 'div', props: { style: { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' }, children: [block] } };
  const tree = { type: 'div', props: { style: { width: LINE.width, height: LINE.height, display: 'flex', boxSizing: 'border-box', backgroundColor: '#fff', color: '#000', fontFamily: family, padding: '0 20px' }, children: [column] } };
  const svg = await renderTreeSvg(tree, fonts, { width: LINE.width, height: LINE.height });
  return sharp(Buffer.from(svg)).flatten({ background: '#fff' }).png().toBuffer();
}

/** The same line in Chromium: the same subsets as web fonts under the same names, the same size. */
export async function browserLine(browser: Browser, text: string, options: { fontText?: string; fontSize?: number } = {}): Promise<Buffer> {
  const fontText = options.fontText ?? text;
  const { fonts, family } = fontsFor(fontText);
  const faces = fonts.map((f) => `@font-face { font-family: '${f.name}'; font-weight: ${f.weight}; src: url(data:font/woff;base64,${f.data.toString('base64')}) format('woff'); }`).join('\n');
  const page = await browser.newPage({ viewport: { width: LINE.width, height: LINE.height }, deviceScaleFactor: 1 });
  try {
    await page.setContent(`<!doctype html><html><head><style>${faces}
      html, body { margin: 0; background: #fff; }
      #line { width: ${LINE.width}px; height: ${LINE.height}px; box-sizing: border-box; padding: 0 20px; display: flex; align-items: center; font-family: ${family}; font-size: ${options.fontSize ?? LINE.fontSize}px; color: #000; white-space: nowrap; }
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
async function ink(png: Buffer): Promise<{ crop: Buffer; box: { width: number; height: number } }> {
  const grey = sharp(png).flatten({ background: '#fff' }).greyscale();
  const { data, info } = await grey.clone().raw().toBuffer({ resolveWithObject: true });
  let [x0, y0, x1, y1] = [info.width, info.height, -1, -1];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (data[y * info.width + x]! < 128) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    }
  }
  if (x1 < 0) throw new Error('no ink in the image');
  const box = { width: x1 - x0 + 1, height: y1 - y0 + 1 };
  return { box, crop: await grey.extract({ left: x0, top: y0, width: box.width, height: box.height }).png().toBuffer() };
}

const padTo = (crop: Buffer, width: number, height: number) =>
  sharp(crop).metadata().then((m) => sharp(crop).extend({ right: width - m.width!, bottom: height - m.height!, background: '#fff' }).png().toBuffer());

async function maskAt(crop: Buffer, width: number, height: number): Promise<Ink> {
  const { data } = await sharp(crop).resize(width, height, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  return { mask: Uint8Array.from(data, (v) => (v < 128 ? 1 : 0)), width, height };
}

/** The share of `a`'s ink that has ink of `b` within `radius` px: anti-aliasing and rounding move edges by a pixel, misplaced or missing glyph parts by more. */
function covered(a: Ink, b: Ink, radius: number, shift = { x: 0, y: 0 }): number {
  let ink = 0;
  let near = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (!a.mask[y * a.width + x]) continue;
      ink++;
      search: for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const [u, v] = [x + dx + shift.x, y + dy + shift.y];
          if (u >= 0 && v >= 0 && u < b.width && v < b.height && b.mask[v * b.width + u]) {
            near++;
            break search;
          }
        }
      }
    }
  }
  return ink ? near / ink : 0;
}

/** Largest shift (px) between the two drawings that is not counted as a difference. */
const SHIFT = 3;

export interface LineComparison {
  /** Ink box sizes (px): card, browser. */
  card: { width: number; height: number };
  browser: { width: number; height: number };
  /** The smaller of the two shares of ink with the other's ink within 1 px, ink boxes aligned at their top-left corners and then at the best shift of up to 3 px: 1 is the same drawing. */
  match: number;
}

export async function compareLines(cardPng: Buffer, browserPng: Buffer): Promise<LineComparison> {
  const a = await ink(cardPng);
  const b = await ink(browserPng);
  // Both at the same scale, their ink boxes' top-left corners together: nothing is stretched to fit.
  const [w, h] = [Math.max(a.box.width, b.box.width), Math.max(a.box.height, b.box.height)];
  const [ma, mb] = [await maskAt(await padTo(a.crop, w, h), w, h), await maskAt(await padTo(b.crop, w, h), w, h)];
  // The two renderers may place the line a pixel or two apart: the best of the small shifts counts.
  let match = 0;
  for (let y = -SHIFT; y <= SHIFT; y++) {
    for (let x = -SHIFT; x <= SHIFT; x++) match = Math.max(match, Math.min(covered(ma, mb, 1, { x, y }), covered(mb, ma, 1, { x: -x, y: -y })));
  }
  return { card: a.box, browser: b.box, match };
}
