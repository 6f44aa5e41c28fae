/**
 * Fonts for share cards, read from @fontsource packages on disk (never fetched).
 *
 * @fontsource splits each family into per-script subsets with a `unicode-range`.
 * Satori draws "no glyph" boxes when a subset shares its family name with another
 * subset, so every subset is registered under a name of its own ("Inter cyrillic"),
 * and the card's font-family lists them in order: satori then falls back from one
 * to the next per character. Inter (Latin, Cyrillic, Greek) is always loaded; the
 * other families of font-families.ts only the subsets a card's text needs, chosen
 * by unicode-range and confirmed by the subset's own character map (cmap.ts), so
 * a Latin-only card loads what it always did.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { characterMap } from './cmap.ts';
import { FONT_FAMILIES, type FontFamily } from './font-families.ts';

export interface FontFace {
  /** Unique satori family name of this subset. */
  name: string;
  weight: 400 | 700;
  file: string;
  ranges: [number, number][];
}

export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

export interface FontSet {
  fonts: SatoriFont[];
  /** The CSS font-family list naming every subset, in fallback order. */
  family: string;
  /** File names of the subsets, for the card's cache key. */
  files: string[];
}

const require = createRequire(import.meta.url);

/** Card text is set in these two weights only (layout.ts). */
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

function packageDir(pkg: string): string {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

/** Parses the `@font-face` blocks of one @fontsource CSS file into subsets with their ranges. */
export function parseFontsourceCss(css: string, dir: string, weight: 400 | 700): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
    const woff = /url\(\.\/(files\/[^)]+\.woff)\)\s*format\('woff'\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!family || !woff || !range) continue;
    // files/inter-cyrillic-ext-700-normal.woff → "cyrillic-ext"; noto-sans-sc-118-400-normal.woff → "118"
    const prefix = `${family.toLowerCase().replace(/ /g, '-')}-`;
    const subset = path.basename(woff).replace(prefix, '').replace(/-\d00-normal\.woff$/, '');
    faces.push({
      name: `${family} ${subset}`,
      weight,
      file: path.join(dir, woff),
      ranges: range.split(',').map((part) => {
        const [start, end] = part.trim().replace(/^U\+/i, '').split('-');
        const a = Number.parseInt(start ?? '0', 16);
        return [a, end ? Number.parseInt(end, 16) : a] as [number, number];
      }),
    });
  }
  return faces;
}

const inRange = (face: FontFace, codePoint: number) => face.ranges.some(([a, b]) => codePoint >= a && codePoint <= b);
/** The face draws the character: its range is meant for it and its cmap has it. */
const draws = (face: FontFace, codePoint: number) => inRange(face, codePoint) && characterMap(face.file).has(codePoint);

export interface CatalogFace extends FontFace {
  family: FontFamily;
  /** Position in the fixed fallback order of font-families.ts. */
  order: number;
}

let catalog: { always: CatalogFace[]; fallback: CatalogFace[] } | undefined;
function loadCatalog() {
  if (catalog) return catalog;
  const always: CatalogFace[] = [];
  const fallback: CatalogFace[] = [];
  let order = 0;
  for (const family of FONT_FAMILIES) {
    const dir = packageDir(family.pkg);
    for (const weight of WEIGHTS) {
      const faces = parseFontsourceCss(readFileSync(path.join(dir, `${weight}.css`), 'utf8'), dir, weight);
      (family.always ? always : fallback).push(...faces.map((face) => ({ ...face, family, order: order++ })));
    }
  }
  return (catalog = { always, fallback });
}

/**
 * Han characters look different in Chinese, Japanese and Korean; a card has no
 * language, so a text with kana prefers the Japanese font for its Han characters,
 * one with Hangul the Korean font, any other Simplified, then Traditional Chinese.
 */
type CjkPreference = 'jp' | 'kr' | 'zh';
const CJK_ORDER: Record<CjkPreference, FontFamily['cjk'][]> = { jp: ['jp', 'sc', 'tc', 'kr'], kr: ['kr', 'sc', 'tc', 'jp'], zh: ['sc', 'tc', 'jp', 'kr'] };
const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;
export const cjkPreference = (text: string): CjkPreference => (KANA.test(text) ? 'jp' : HANGUL.test(text) ? 'kr' : 'zh');

const rank = (face: CatalogFace, preference: CjkPreference) =>
  face.family.cjk ? 1000 + CJK_ORDER[preference].indexOf(face.family.cjk) * 1000 + face.order : face.order;

const chosen = new Map<number, CatalogFace | null>();
const PREFERENCES: CjkPreference[] = ['zh', 'jp', 'kr'];

/**
 * The subset that draws `codePoint` at `weight`, as satori will pick it: an
 * always-loaded one when one has it, else the first fallback subset in order;
 * null when no bundled font has a glyph for it.
 */
export function faceFor(codePoint: number, weight: Weight, preference: CjkPreference = 'zh'): CatalogFace | null {
  // A number key: this runs for every distinct character of every card.
  const key = codePoint * 8 + (weight === 700 ? 4 : 0) + PREFERENCES.indexOf(preference);
  let face = chosen.get(key);
  if (face !== undefined) return face;
  const { always, fallback } = loadCatalog();
  face = always.find((f) => f.weight === weight && draws(f, codePoint)) ?? null;
  if (!face) {
    const candidates = fallback.filter((f) => f.weight === weight && inRange(f, codePoint)).sort((a, b) => rank(a, preference) - rank(b, preference));
    face = candidates.find((f) => characterMap(f.file).has(codePoint)) ?? null;
  }
  chosen.set(key, face);
  return face;
}

/**
 * Characters that draw nothing (controls, joiners, bidi marks, variation
 * selectors): never a reason to load a font, never a box.
 */
export const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

const fileCache = new Map<string, Buffer>();
function readFont(face: FontFace): SatoriFont {
  let data = fileCache.get(face.file);
  if (!data) fileCache.set(face.file, (data = readFileSync(face.file)));
  return { name: face.name, data, weight: face.weight, style: 'normal' };
}

const fontSets = new Map<string, FontSet>();

/**
 * The fonts a card needs for `text`: every always-loaded subset plus the
 * fallback subsets drawing characters the always-loaded ones lack. The same
 * set is reused between cards (satori is much faster with a stable font list).
 */
export function fontsFor(text: string): FontSet {
  const { always } = loadCatalog();
  const preference = cjkPreference(text);
  const extra = new Set<CatalogFace>();
  for (const char of new Set(text)) {
    // Joiners and marks that draw nothing are shaped with the font of the letters around them.
    if (INVISIBLE.test(char)) continue;
    const codePoint = char.codePointAt(0)!;
    for (const weight of WEIGHTS) {
      const face = faceFor(codePoint, weight, preference);
      if (face && !face.family.always) extra.add(face);
    }
  }
  const faces = [...always, ...[...extra].sort((a, b) => rank(a, preference) - rank(b, preference))];
  const key = faces.map((f) => f.file).join('|');
  let set = fontSets.get(key);
  if (!set) {
    const names = [...new Set(faces.map((f) => f.name))];
    set = {
      fonts: faces.map(readFont),
      family: names.map((n) => `'${n}'`).join(', '),
      files: faces.map((f) => path.basename(f.file)),
    };
    fontSets.set(key, set);
  }
  return set;
}
