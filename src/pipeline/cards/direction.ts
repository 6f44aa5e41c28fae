/**
 * A card text's paragraph direction, by the Unicode bidi algorithm's rule P2–P3
 * (bidi-js): the first strong character decides, so "גדעון סער, Foreign
 * Minister" is a right-to-left paragraph and "Foreign Minister גדעון סער" a
 * left-to-right one, as `dir="auto"` decides it in a browser.
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

/** Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest of U+0590–U+08FF, the presentation forms. */
const MAYBE_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Whether the text holds a right-to-left letter (a quick test, without the bidi algorithm). */
export const hasRightToLeft = (text: string): boolean => MAYBE_RTL.test(text);

export function paragraphDirection(text: string): Direction {
  // Most card text has no right-to-left letter at all: no need to run the algorithm.
  if (!hasRightToLeft(text)) return 'ltr';
  const level = bidi.getEmbeddingLevels(text).paragraphs[0]?.level ?? 0;
  return level % 2 === 1 ? 'rtl' : 'ltr';
}
