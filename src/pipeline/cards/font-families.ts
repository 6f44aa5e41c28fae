/**
 * The font packages share cards draw with, in fallback order, and the scripts
 * each is there for. Every one is an npm dependency (self-hosted, pinned, never
 * fetched); cache.ts puts their versions into every card's key.
 *
 * Inter is always loaded (Latin, Greek, Cyrillic: most cards need nothing else).
 * The others are loaded per card, only the subsets whose characters the card's
 * text contains (fonts.ts). Noto Sans comes first among them for the few Latin
 * characters Inter lacks, among them U+FFFD, which replaces characters no font
 * covers (coverage.ts).
 */
export interface FontFamily {
  pkg: string;
  always: boolean;
  /** A Han/kana/Hangul family; their order is decided per card (see fonts.ts). */
  cjk?: 'sc' | 'tc' | 'jp' | 'kr';
}

export const FONT_FAMILIES: readonly FontFamily[] = [
  { pkg: '@fontsource/inter', always: true },
  { pkg: '@fontsource/noto-sans', always: false },
  { pkg: '@fontsource/noto-sans-arabic', always: false },
  { pkg: '@fontsource/noto-sans-hebrew', always: false },
  { pkg: '@fontsource/noto-sans-armenian', always: false },
  { pkg: '@fontsource/noto-sans-georgian', always: false },
  { pkg: '@fontsource/noto-sans-devanagari', always: false },
  { pkg: '@fontsource/noto-sans-bengali', always: false },
  { pkg: '@fontsource/noto-sans-tamil', always: false },
  { pkg: '@fontsource/noto-sans-thai', always: false },
  { pkg: '@fontsource/noto-sans-khmer', always: false },
  { pkg: '@fontsource/noto-sans-ethiopic', always: false },
  { pkg: '@fontsource/noto-sans-sc', always: false, cjk: 'sc' },
  { pkg: '@fontsource/noto-sans-tc', always: false, cjk: 'tc' },
  { pkg: '@fontsource/noto-sans-jp', always: false, cjk: 'jp' },
  { pkg: '@fontsource/noto-sans-kr', always: false, cjk: 'kr' },
];

/** The packages whose versions decide a card's pixels. */
export const FONT_PACKAGES = FONT_FAMILIES.map((f) => f.pkg);
