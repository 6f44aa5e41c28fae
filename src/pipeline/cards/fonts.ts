/**
 * Fonts for share cards, read from @fontsource packages on disk (never fetched).
 *
 * @fontsource splits each family into per-script subsets with a `unicode-range`.
 * Satori draws "no glyph" boxes when a subset shares its family name with another
 * subset, so every subset is registered under a name of its own ("Inter cyrillic"),
 * and the card's font-family lists them in order: satori then falls back from one
 * to the next per character. Latin, Cyrillic and Greek (Inter) are always loaded;
 * Arabic and Chinese subsets only when a card's text needs them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

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

const require = createRequire(import.meta.url);

/** Families in fallback order. `always` families are loaded for every card. */
const FAMILIES = [
  { pkg: '@fontsource/inter', always: true },
  { pkg: '@fontsource/noto-sans-arabic', always: false },
  { pkg: '@fontsource/noto-sans-sc', always: false },
] as const;
const WEIGHTS = [400, 700] as const;

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

const covers = (face: FontFace, codePoint: number) => face.ranges.some(([a, b]) => codePoint >= a && codePoint <= b);

let catalog: { always: FontFace[]; fallback: FontFace[] } | undefined;
function loadCatalog() {
  if (catalog) return catalog;
  const always: FontFace[] = [];
  const fallback: FontFace[] = [];
  for (const family of FAMILIES) {
    const dir = packageDir(family.pkg);
    for (const weight of WEIGHTS) {
      const faces = parseFontsourceCss(readFileSync(path.join(dir, `${weight}.css`), 'utf8'), dir, weight);
      (family.always ? always : fallback).push(...faces);
    }
  }
  return (catalog = { always, fallback });
}

const fileCache = new Map<string, Buffer>();
function readFont(face: FontFace): SatoriFont {
  let data = fileCache.get(face.file);
  if (!data) fileCache.set(face.file, (data = readFileSync(face.file)));
  return { name: face.name, data, weight: face.weight, style: 'normal' };
}

const fontSets = new Map<string, { fonts: SatoriFont[]; family: string; files: string[] }>();

/**
 * The fonts a card needs for `text`: every always-loaded subset plus the
 * fallback subsets covering characters the always-loaded ones lack. The same
 * set is reused between cards (satori is much faster with a stable font list).
 */
export function fontsFor(text: string): { fonts: SatoriFont[]; family: string; files: string[] } {
  const { always, fallback } = loadCatalog();
  const extra = new Set<FontFace>();
  for (const char of new Set(text)) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x250 || always.some((face) => covers(face, codePoint))) continue;
    for (const weight of WEIGHTS) {
      const face = fallback.find((f) => f.weight === weight && covers(f, codePoint));
      if (face) extra.add(face);
    }
  }
  const faces = [...always, ...[...extra].sort((a, b) => fallback.indexOf(a) - fallback.indexOf(b))];
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
