/** Text preparation for cards: emoji dropped cleanly, long text cut at grapheme boundaries. */

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\u{20E3}]/u;

/**
 * Cards draw text with the fonts we ship, which have no emoji; a missing glyph
 * would show as a box, so emoji graphemes are removed and spacing tidied.
 */
export const isEmoji = (grapheme: string) => EMOJI.test(grapheme);

/** The text's graphemes (user-perceived characters), in order. */
export const graphemes = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

export function dropEmoji(text: string): string {
  let out = text;
  // Segmenting costs more than the rest of a card's text preparation: only text with an emoji character needs it.
  if (EMOJI.test(text)) {
    out = '';
    for (const { segment } of segmenter.segment(text)) if (!EMOJI.test(segment)) out += segment;
  }
  return out.replace(/[ \t]{2,}/g, ' ').replace(/\s+([,.;:!?])/g, '$1').trim();
}

/**
 * At most `max` graphemes, ending with an ellipsis when cut. Cutting by grapheme
 * (not code unit) never splits a surrogate pair or a letter from its accent.
 * Satori's lineClamp then fits the result to the lines available.
 */
export function clampGraphemes(text: string, max: number): string {
  // A grapheme is at least one code unit: text this short has no more than `max`.
  if (text.length <= max) return text;
  const graphemes = Array.from(segmenter.segment(text), (s) => s.segment);
  if (graphemes.length <= max) return text;
  const cut = graphemes.slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/u, '');
  return `${(atWord.length > cut.length * 0.7 ? atWord : cut).trimEnd()}…`;
}

export const cardText = (text: string, max: number) => clampGraphemes(dropEmoji(text), max);
