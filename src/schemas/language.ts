/**
 * Language tags (BCP 47), checked against the IANA subtag registry, with a
 * suggestion when a tag is wrong: a country code written for its language
 * ("ua" for Ukrainian is "uk"), or the nearest tag a desk often quotes.
 */
import tags from 'language-tags';
import { z } from 'zod';
import { distance } from 'fastest-levenshtein';

/** Country codes that are easily written for their language, and that language's tag. */
const LANGUAGE_OF_COUNTRY: Record<string, string> = {
  ua: 'uk', cn: 'zh', jp: 'ja', kr: 'ko', gr: 'el', dk: 'da', cz: 'cs', ir: 'fa', il: 'he', ge: 'ka', by: 'be', kz: 'kk', rs: 'sr', vn: 'vi', at: 'de', us: 'en', gb: 'en',
};

/** Tags a foreign desk quotes most, to suggest from. */
const COMMON_TAGS = [
  'ar', 'be', 'bn', 'cs', 'da', 'de', 'el', 'en', 'es', 'fa', 'fr', 'he', 'hi', 'hy', 'it', 'ja', 'ka', 'kk', 'km', 'ko', 'nl', 'pl', 'pt',
  'ro', 'ru', 'sr', 'sv', 'ta', 'th', 'tr', 'uk', 'ur', 'vi', 'zh', 'zh-Hans', 'zh-Hant', 'am',
];

/** The common tag at most two edits away (a transposed "Hnas" is two), nearest first. */
function nearestTag(lower: string): string | undefined {
  const scored = COMMON_TAGS.map((tag) => ({ tag, d: distance(lower, tag.toLowerCase()) })).filter((s) => s.d <= 2);
  return scored.sort((a, b) => a.d - b.d || (a.tag < b.tag ? -1 : 1))[0]?.tag;
}

export function isLanguageTag(value: string): boolean {
  return tags(value).valid();
}

/** ` (did you mean "uk"?)`, or nothing. */
export function suggestLanguageTag(value: string): string {
  const lower = value.toLowerCase();
  // Two or three letters are too short to guess a typo from: only a country code or the case is fixed.
  const candidate = LANGUAGE_OF_COUNTRY[lower] ?? (isLanguageTag(lower) ? lower : value.length > 3 ? nearestTag(lower) : undefined);
  return candidate && candidate !== value ? ` (did you mean "${candidate}"?)` : '';
}

/** A BCP 47 language tag: `ru`, `uk`, `zh-Hans`, `fa`, `pt-BR`. */
export const languageTag = z.string({ error: 'must be a language tag such as "ru" or "zh-Hans"' }).superRefine((value, context) => {
  if (!isLanguageTag(value)) context.addIssue({ code: 'custom', message: `is not a valid BCP 47 language tag${suggestLanguageTag(value)}` });
});
