import { transliterate } from 'transliteration';
import { SLUG_PATTERN } from '../schemas/common.ts';

/** Ids longer than this are cut at a word boundary: they end up in every URL of the item. */
export const MAX_SLUG_LENGTH = 80;

/**
 * An id for URLs made from a title or a name in any script: transliterated to
 * ASCII ("Сергей Лавров" → "sergey-lavrov", "王毅" → "wang-yi"), lower-cased,
 * with every run of other characters turned into a single dash. Returns "" when
 * nothing usable is left (an emoji, say): the caller must then ask for an id.
 *
 * The result always matches SLUG_PATTERN, the rule the checker applies to file
 * names, or is empty.
 */
export function slugify(text: string): string {
  const ascii = transliterate(
    text
      .normalize('NFKC')
      // "Baerbock's" → "baerbocks", not "baerbock-s".
      .replace(/(\p{L})['’ʼ](\p{L})/gu, '$1$2')
      .replace(/&/g, ' and '),
  );
  const slug = ascii
    .toLowerCase()
    .replace(/['"`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return SLUG_PATTERN.test(slug) ? shorten(slug) : '';
}

function shorten(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}
