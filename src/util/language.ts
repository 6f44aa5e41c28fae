/** What pages need to know of a language tag: its direction and its English name. */

/** Scripts written right to left (ISO 15924). */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);

/**
 * The `dir` attribute text in `lang` needs: "rtl" for a language written right to left
 * (ar, fa, he, ur, …, by the script its tag implies), else none (the page's direction).
 */
export function dirAttribute(lang: string | undefined): 'rtl' | undefined {
  if (!lang) return undefined;
  try {
    const script = new Intl.Locale(lang).maximize().script;
    return script && RTL_SCRIPTS.has(script) ? 'rtl' : undefined;
  } catch {
    return undefined;
  }
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
