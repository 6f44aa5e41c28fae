/**
 * "Never a silent box": which characters of a text no bundled font can draw,
 * decided from the fonts' own character maps (fonts.ts, cmap.ts). The content
 * check warns about them (resolve/glyph-coverage.ts) and the card replaces each
 * with U+FFFD, so a reader sees that something is missing and the author has
 * been told what.
 */
import { faceFor, INVISIBLE, WEIGHTS } from './fonts.ts';
import type { CardContent } from './layout.ts';
import { dropEmoji, graphemes, isEmoji } from './text.ts';

export const REPLACEMENT = '\uFFFD';

// Characters that draw nothing are kept: shaping needs the joiners (ZWNJ in Persian, ZWJ in Indic scripts).

const drawable = (codePoint: number) => WEIGHTS.every((weight) => faceFor(codePoint, weight) !== null);

export interface UncoveredCharacter {
  char: string;
  /** "U+1F600"-style, at least four hex digits. */
  codePoint: string;
}

export const codePointLabel = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

const undrawable = (char: string) => !INVISIBLE.test(char) && !drawable(char.codePointAt(0)!);
/** Whether every character can be drawn; most text can, and this needs no grapheme segmentation. */
const allDrawable = (text: string) => !Array.from(text).some(undrawable);

/** The distinct characters of `text` a card would draw as boxes, in order of appearance. Emoji are dropped by cards, so are not counted. */
export function uncoveredCharacters(text: string): UncoveredCharacter[] {
  // The content check runs this on every field of the corpus: segment into graphemes only when something is missing.
  if (allDrawable(text)) return [];
  return [...new Set(dropEmoji(text))].filter(undrawable).map((char) => ({ char, codePoint: codePointLabel(char.codePointAt(0)!) }));
}

/** `text` as a card can draw it: every character no font covers replaced by U+FFFD. */
export function replaceUncovered(text: string): string {
  if (allDrawable(text)) return text;
  let out = '';
  for (const grapheme of graphemes(text)) {
    // Emoji are left for cardText to drop with their spacing.
    if (isEmoji(grapheme)) out += grapheme;
    else for (const char of grapheme) out += undrawable(char) ? REPLACEMENT : char;
  }
  return out;
}

/** The card with every string it draws made drawable; render.ts draws and cache.ts keys this. */
export function drawableCard<T extends CardContent>(card: T): T {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(card)) {
    out[field] = typeof value === 'string' ? replaceUncovered(value) : Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? replaceUncovered(v) : v)) : value;
  }
  return out as T;
}
