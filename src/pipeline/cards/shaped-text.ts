/**
 * Text satori cannot draw as a browser does, shaped and drawn here instead.
 *
 * Satori shapes with HarfBuzz but applies a glyph's vertical offset downwards
 * (SVG's y axis) where fonts mean upwards, so marks that GPOS attaches with a
 * vertical offset land too low: the Bengali nukta under য়, Arabic fatha over a
 * shadda (measured against Chromium in tests/e2e/shaping.test.ts). A text block
 * whose shaping has any such offset is therefore laid out here, in lines, and
 * drawn as glyph outlines (SVG paths) from the same font subsets: HarfBuzz
 * (harfbuzzjs) shapes each run of one font and one bidi level, bidi-js orders
 * the runs, lines break at word boundaries (Intl.Segmenter), the last line
 * allowed ends with an ellipsis when the text is cut. Everything else stays with
 * satori, so Latin cards are untouched.
 */
import { createRequire } from 'node:module';
import bidiFactory from 'bidi-js';
import { readFileSync } from 'node:fs';
import { cjkPreference, faceFor, INVISIBLE, type CatalogFace, type Weight } from './fonts.ts';
import { paragraphDirection } from './direction.ts';
import { graphemes } from './text.ts';
import { woffToSfnt } from './woff.ts';
import { create, type Font } from 'fontkitten';

const require = createRequire(import.meta.url);
const bidi = bidiFactory();

interface HbGlyph { g: number; cl: number; ax: number; ay: number; dx: number; dy: number }
interface HbFont { readonly ptr: number }
interface HbBuffer { addText(text: string): void; guessSegmentProperties(): void; setDirection(d: 'ltr' | 'rtl'): void; json(): HbGlyph[]; destroy(): void }
interface Hb {
  createBlob(data: Uint8Array): unknown;
  createFace(blob: unknown, index: number): { upem: number };
  createFont(face: unknown): HbFont;
  createBuffer(): HbBuffer;
  shape(font: HbFont, buffer: HbBuffer): void;
}

let hb: Hb | undefined;
/** HarfBuzz's WebAssembly module, loaded once per process (render.ts awaits it before the first card). */
export async function loadHarfbuzz(): Promise<void> {
  hb ??= (await require('harfbuzzjs')) as Hb;
}
function engine(): Hb {
  if (!hb) throw new Error('loadHarfbuzz() must be awaited first');
  return hb;
}

const fonts = new Map<string, { font: HbFont; upem: number }>();
function hbFont(file: string) {
  let entry = fonts.get(file);
  if (!entry) {
    const e = engine();
    const face = e.createFace(e.createBlob(woffToSfnt(readFileSync(file))), 0);
    entry = { font: e.createFont(face), upem: face.upem };
    fonts.set(file, entry);
  }
  return entry;
}

/**
 * Glyph outlines come from fontkitten, not HarfBuzz: harfbuzzjs' glyphToPath
 * registers its drawing callbacks per font in a WebAssembly function table that
 * does not grow, and crashes ("memory access out of bounds") on the second font.
 */
const outlineFonts = new Map<string, Font>();
function outlineFont(file: string): Font {
  let font = outlineFonts.get(file);
  if (!font) outlineFonts.set(file, (font = create(woffToSfnt(readFileSync(file))) as Font));
  return font;
}
const outlines = new Map<string, string>();
function outlineOf(face: CatalogFace, glyph: number): string {
  const key = `${face.file}#${glyph}`;
  let d = outlines.get(key);
  if (d === undefined) outlines.set(key, (d = outlineFont(face.file).getGlyph(glyph).path.toSVG()));
  return d;
}

function shape(text: string, face: CatalogFace, direction: 'ltr' | 'rtl'): HbGlyph[] {
  const buffer = engine().createBuffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  buffer.setDirection(direction);
  engine().shape(hbFont(face.file).font, buffer);
  const glyphs = buffer.json();
  buffer.destroy();
  return glyphs;
}

interface Run { text: string; start: number; face: CatalogFace | null; level: number }

/** Cuts `text` into runs of one drawing subset and one bidi level. */
function runsOf(text: string, levels: Uint8Array, offset: number, weight: Weight): Run[] {
  const preference = cjkPreference(text);
  const runs: Run[] = [];
  let index = 0;
  for (const char of text) {
    const level = levels[offset + index] ?? 0;
    const last = runs.at(-1);
    const face = INVISIBLE.test(char) && last ? last.face : faceFor(char.codePointAt(0)!, weight, preference);
    if (last && last.face === face && last.level === level) last.text += char;
    else runs.push({ text: char, start: index, face, level });
    index += char.length;
  }
  return runs;
}

/** Scripts whose marks a font may attach with a vertical offset: only text with these letters is ever checked. */
const MAY_NEED_SHAPING = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]/u;

/** Whether satori would misplace a mark of `text`: some glyph HarfBuzz positions has a vertical offset. */
export function needsOwnShaping(text: string, weight: Weight): boolean {
  if (!MAY_NEED_SHAPING.test(text)) return false;
  const levels = bidi.getEmbeddingLevels(text).levels;
  return runsOf(text, levels, 0, weight).some((run) => run.face && shape(run.text, run.face, run.level % 2 ? 'rtl' : 'ltr').some((g) => g.dy !== 0));
}

export interface ShapedTextStyle {
  fontSize: number;
  fontWeight: Weight;
  lineHeight: number;
  color: string;
  /** Width available, in px. */
  width: number;
  /** At most this many lines; the last ends with "…" when the text is cut. */
  lines: number;
}

interface Line { text: string; start: number }

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Laid out and drawn: an SVG image of the block, and its size. */
export function shapedTextSvg(text: string, style: ShapedTextStyle): { svg: string; width: number; height: number } {
  const direction = paragraphDirection(text);
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const scaleOf = (face: CatalogFace) => style.fontSize / hbFont(face.file).upem;
  const widthOf = (start: number, part: string) =>
    runsOf(part, levels, start, style.fontWeight).reduce((sum, run) => sum + (run.face ? shape(run.text, run.face, run.level % 2 ? 'rtl' : 'ltr').reduce((w, g) => w + g.ax, 0) * scaleOf(run.face) : 0), 0);

  // Greedy line filling at word boundaries, as a browser fills a line.
  const pieces = Array.from(words.segment(text), (s) => ({ text: s.segment, start: s.index }));
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const piece of pieces) {
    if (!current) {
      current = { text: piece.text.trimStart(), start: piece.start + (piece.text.length - piece.text.trimStart().length) };
      continue;
    }
    const candidate = current.text + piece.text;
    if (widthOf(current.start, candidate.trimEnd()) <= style.width) current.text = candidate;
    else {
      lines.push(current);
      current = { text: piece.text.trimStart(), start: piece.start + (piece.text.length - piece.text.trimStart().length) };
    }
  }
  if (current) lines.push(current);
  let shown = lines.slice(0, style.lines);
  if (lines.length > style.lines) {
    const last = shown.at(-1)!;
    let cut = last.text.trimEnd();
    // Cut by grapheme, so a vowel sign or a virama never stays behind without its consonant.
    while (cut && widthOf(last.start, `${cut}…`) > style.width) cut = graphemes(cut).slice(0, -1).join('');
    shown = [...shown.slice(0, -1), { text: `${cut.trimEnd()}…`, start: last.start }];
  }

  const lineBox = style.fontSize * style.lineHeight;
  // One baseline a line for every run, whatever its font, as CSS has it: the half-leading of the
  // block's first font (the strut; Inter for every card), the glyphs of fallback fonts sitting on it.
  const primary = faceFor(0x41, style.fontWeight)!;
  const { ascent, descent, unitsPerEm } = outlineFont(primary.file);
  const primaryScale = style.fontSize / unitsPerEm;
  const baselineOffset = (lineBox - (ascent - descent) * primaryScale) / 2 + ascent * primaryScale;
  let paths = '';
  shown.forEach((line, index) => {
    const baseline = index * lineBox + baselineOffset;
    const runs = runsOf(line.text.trimEnd(), levels, line.start, style.fontWeight);
    // The ellipsis added above has no level of its own: it takes the paragraph's.
    for (const run of runs) if (line.text.endsWith('…') && run.start + run.text.length === line.text.trimEnd().length && run.text === '…') run.level = direction === 'rtl' ? 1 : 0;
    // Unicode bidi rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.
    const visual = [...runs];
    const max = Math.max(0, ...visual.map((r) => r.level));
    const minOdd = Math.min(...visual.map((r) => (r.level % 2 ? r.level : r.level + 1)));
    for (let level = max; level >= minOdd; level--) {
      for (let i = 0; i < visual.length; i++) {
        if (visual[i]!.level < level) continue;
        let j = i;
        while (j + 1 < visual.length && visual[j + 1]!.level >= level) j++;
        visual.splice(i, j - i + 1, ...visual.slice(i, j + 1).reverse());
        i = j;
      }
    }
    const shaped = visual.map((run) => ({ run, glyphs: run.face ? shape(run.text, run.face, run.level % 2 ? 'rtl' : 'ltr') : [] }));
    const lineWidth = shaped.reduce((sum, { run, glyphs }) => sum + (run.face ? glyphs.reduce((w, g) => w + g.ax, 0) * scaleOf(run.face) : 0), 0);
    let x = direction === 'rtl' ? style.width - lineWidth : 0;
    for (const { run, glyphs } of shaped) {
      if (!run.face) continue;
      const scale = scaleOf(run.face);
      for (const g of glyphs) {
        const outline = outlineOf(run.face, g.g);
        // Font units are y-up; SVG is y-down: flip, and offsets (dy) go up.
        if (outline) paths += `<path transform="translate(${(x + g.dx * scale).toFixed(2)} ${(baseline - g.dy * scale).toFixed(2)}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})" d="${outline}"/>`;
        x += g.ax * scale;
      }
    }
  });
  const height = Math.ceil(shown.length * lineBox);
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${style.width}" height="${height}" viewBox="0 0 ${style.width} ${height}">${GROUP_START}<g fill="${style.color}">${paths}</g>${GROUP_END}</svg>`, width: style.width, height };
}

// Markers around the drawing, so inlineShapedText finds its own images and nothing else.
const GROUP_START = '<!--card-text-->';
const GROUP_END = '<!--/card-text-->';
const IMAGE = /<image x="([-\d.]+)" y="([-\d.]+)" width="[\d.]+" height="[\d.]+" href="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"[^>]*\/>/g;

/**
 * Satori places each drawing as an `<image>` of an SVG, with a clip path and a
 * mask; librsvg then decodes and rasterises a nested document, which tripled
 * the cost of rasterising such a card (bench/script-cards.ts). The drawing fits
 * its box by construction (lines no wider than the width, no more than allowed),
 * so it is put back into the card's SVG as plain paths at the image's place.
 */
export function inlineShapedText(cardSvg: string): string {
  // Most cards have no image at all: no need to scan them with the pattern.
  if (!cardSvg.includes('<image')) return cardSvg;
  return cardSvg.replace(IMAGE, (image, x: string, y: string, data: string) => {
    const inner = Buffer.from(data, 'base64').toString('utf8');
    const start = inner.indexOf(GROUP_START);
    const end = inner.indexOf(GROUP_END);
    if (start < 0 || end < 0) return image;
    return `<g transform="translate(${x} ${y})">${inner.slice(start + GROUP_START.length, end)}</g>`;
  });
}
