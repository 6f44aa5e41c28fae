/** What pages need to know of a language tag: its direction, whether its script has italics, and its English name. */

/** Scripts written right to left (ISO 15924). */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);

/**
 * The `dir` attribute text in `lang` needs: "rtl" for a language written right to left
 * (ar, fa, he, ur, …, by the script its tag implies), else none (the page's direction).
 */
export function dirAttribute(lang: string | undefined): 'rtl' | undefined {
  const script = lang ? scriptOf(lang) : undefined;
  return script && RTL_SCRIPTS.has(script) ? 'rtl' : undefined;
}

/**
 * Scripts with no italic of their own (ISO 15924): a browser slants them
 * synthetically, which readers of these scripts do not write or read as emphasis.
 */
const NO_ITALIC_SCRIPTS = new Set([
  'Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Hans', 'Hant', 'Hani', 'Jpan', 'Hira', 'Kana', 'Kore', 'Hang', 'Thai', 'Laoo', 'Khmr', 'Mymr',
  'Deva', 'Beng', 'Guru', 'Gujr', 'Orya', 'Taml', 'Telu', 'Knda', 'Mlym', 'Sinh', 'Tibt', 'Geor', 'Armn', 'Ethi',
]);

/** The script a language tag implies ("fa" → "Arab", "zh-Hant-TW" → "Hant", "pa-Arab" → "Arab"). */
function scriptOf(lang: string): string | undefined {
  try {
    return new Intl.Locale(lang).maximize().script;
  } catch {
    return undefined;
  }
}

/** Whether text in `lang` is set upright where the site would set it in italics (quotes). */
export function hasNoItalic(lang: string | undefined): boolean {
  const script = lang ? scriptOf(lang) : undefined;
  return script !== undefined && NO_ITALIC_SCRIPTS.has(script);
}

const names = new Intl.DisplayNames('en', { type: 'language' });

/** "Russian" for "ru", "Chinese (Simplified)"-style names for longer tags; the tag itself when unknown. */
export function languageName(lang: string): string {
  try {
    return names.of(lang) ?? lang;
  } catch {
    return lang;
  }
}
