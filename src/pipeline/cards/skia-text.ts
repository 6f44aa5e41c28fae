/**
 * Words satori leaves as `<text>` (rendered with `embedFont: false`), drawn by
 * Skia from the card's own fonts. Skia draws glyphs from its glyph cache, where
 * satori would write every glyph's outline into the SVG as a path for Skia to
 * parse and fill. In a profiled card worker over the N=1000 corpus: satori 4.6 →
 * 2.4 ms a card, Skia 3.2 → 2.1 ms (bench/RESULTS.md). Skia hints the glyphs it
 * draws (their horizontal edges move by a fraction of a pixel), so the pixels are
 * not the outlines' to the last bit; tests/unit/card-raster.test.ts holds them to
 * librsvg's drawing of the outlined card, within one pixel's reach.
 */
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { hasRightToLeft } from './direction.ts';
import type { SatoriFont } from './fonts.ts';
import { numberAttribute as number, Unsupported } from './unsupported.ts';
import { woffToSfnt } from './woff.ts';

/** Decides the pixels, so it is part of every card's cache key (cache.ts): words drawn by Skia from the fonts, joined into runs. */
export const TEXT_DRAWING = 'skia-fill-text-runs';

// Registered under the name satori was given, lowercased as satori writes it into the SVG's font-family lists.
const registered = new WeakSet<Buffer>();
const families = new Set<string>();

/** Makes the fonts a card was laid out with drawable by name (each font file once per process). */
export function registerFonts(fonts: readonly SatoriFont[]): void {
  for (const font of fonts) {
    if (registered.has(font.data)) continue;
    const sfnt = font.data.subarray(0, 4).toString('latin1') === 'wOFF' ? woffToSfnt(font.data) : font.data;
    const family = font.name.toLowerCase();
    if (!GlobalFonts.register(sfnt, family)) throw new Error(`Skia could not read the font ${font.name} (${font.weight})`);
    registered.add(font.data);
    families.add(family);
  }
}

interface Part { name: string; attributes: Record<string, string>; content?: string }

/** Everything that decides how a `<text>` is drawn, but where. */
const styleOf = ({ x: _x, width: _width, ...style }: Record<string, string>) => JSON.stringify(style);

/**
 * Satori writes each word and space as a `<text>` of its own, placed where its
 * shaping of the whole line put it. Drawn one by one, a word would lose the
 * kerning with its neighbours (the comma after "Lavrov" moved by a pixel or
 * two); so words that follow each other without a gap, in the same style, are
 * joined into one `<text>` and shaped as a line again.
 */
export function* joinWords<T extends Part>(parts: Iterator<T>): Generator<T> {
  let run: T | undefined;
  let runStyle = '';
  let end = Number.NaN;
  let y = '';
  for (let next = parts.next(); !next.done; next = parts.next()) {
    const part = next.value;
    if (part.name !== 'text') {
      if (run) yield run;
      run = undefined;
      end = Number.NaN;
      yield part;
      continue;
    }
    const x = Number(part.attributes.x);
    const sameLine = part.attributes.y === y && Math.abs(x - end) < 0.01;
    const style = styleOf(part.attributes);
    if (run && sameLine && style === runStyle) {
      run = { ...run, content: `${run.content ?? ''}${part.content ?? ''}` };
    } else {
      if (run) yield run;
      run = part;
      runStyle = style;
    }
    end = x + Number(part.attributes.width);
    y = part.attributes.y ?? '';
  }
  if (run) yield run;
}

const CSS_WEIGHTS: Record<string, string> = { normal: '400', bold: '700' };

/** Draws one `<text>` at its baseline; its fill, transform and clip are already set on the context. */
export function drawText(ctx: SKRSContext2D, attributes: Record<string, string>, content: string): void {
  // Right-to-left words landed up to a pixel or two away from their outlines (a full stop
  // after a Latin word, the first letter of each word): satori outlines them, as before.
  if (hasRightToLeft(content)) throw new Unsupported('right-to-left text');
  // Satori slants a font it has no italic of itself; only upright text is drawn here.
  if ((attributes['font-style'] ?? 'normal') !== 'normal') throw new Unsupported(`font-style="${attributes['font-style']}"`);
  const weight = number(CSS_WEIGHTS[attributes['font-weight'] ?? 'normal'] ?? attributes['font-weight'], 'font-weight');
  const size = number(attributes['font-size'], 'font-size');
  const names = (attributes['font-family'] ?? '').split(',').map((name) => name.trim());
  if (names.some((name) => !families.has(name))) throw new Unsupported(`font-family="${attributes['font-family']}"`);
  ctx.font = `${weight} ${size}px ${names.map((name) => `"${name}"`).join(', ')}`;
  ctx.letterSpacing = `${number(attributes['letter-spacing'] ?? '0', 'letter-spacing')}px`;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillText(content, number(attributes.x, 'x'), number(attributes.y, 'y'));
}
