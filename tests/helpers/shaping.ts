/**
 * Text shaped the way satori shapes it (HarfBuzz, the engine Chromium uses), run
 * by run with the subset the card's font list gives each character, so tests can
 * see glyph ids: glyph 0 is `.notdef`, the box a font draws for a character it lacks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cjkPreference, faceFor, INVISIBLE, type CatalogFace, type Weight } from '../../src/pipeline/cards/fonts.ts';
import { woffToSfnt } from '../../src/pipeline/cards/woff.ts';

const require = createRequire(import.meta.url);

interface HbGlyph { g: number; cl: number; ax: number; dx: number; dy: number }
interface Hb {
  createBlob(data: Uint8Array): unknown;
  createFace(blob: unknown, index: number): { upem: number };
  createFont(face: unknown): { glyphToPath(id: number): string; setScale(x: number, y: number): void };
  createBuffer(): { addText(text: string): void; guessSegmentProperties(): void; json(): HbGlyph[]; destroy(): void };
  shape(font: unknown, buffer: unknown): void;
}

let hb: Hb | undefined;
export async function harfbuzz(): Promise<Hb> {
  return (hb ??= (await require('harfbuzzjs')) as Hb);
}

const fonts = new Map<string, ReturnType<Hb['createFont']>>();
export async function hbFont(file: string) {
  const engine = await harfbuzz();
  let font = fonts.get(file);
  if (!font) fonts.set(file, (font = engine.createFont(engine.createFace(engine.createBlob(woffToSfnt(readFileSync(file))), 0))));
  return font;
}

export interface ShapedRun { text: string; face: CatalogFace | null; glyphs: HbGlyph[] }

/** `text` cut into runs of one drawing subset each (invisible characters join their neighbours' run), each shaped. */
export async function shapeAsCard(text: string, weight: Weight = 400): Promise<ShapedRun[]> {
  const preference = cjkPreference(text);
  const runs: { text: string; face: CatalogFace | null }[] = [];
  for (const char of text) {
    const face = INVISIBLE.test(char) && runs.length ? runs.at(-1)!.face : faceFor(char.codePointAt(0)!, weight, preference);
    const last = runs.at(-1);
    if (last && last.face === face) last.text += char;
    else runs.push({ text: char, face });
  }
  const engine = await harfbuzz();
  const shaped: ShapedRun[] = [];
  for (const run of runs) {
    if (!run.face) {
      shaped.push({ ...run, glyphs: [] });
      continue;
    }
    const buffer = engine.createBuffer();
    buffer.addText(run.text);
    buffer.guessSegmentProperties();
    engine.shape(await hbFont(run.face.file), buffer);
    shaped.push({ ...run, glyphs: buffer.json() });
    buffer.destroy();
  }
  return shaped;
}
