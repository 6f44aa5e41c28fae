/** What pages derive from a quote's language tag: its direction and whether it is set upright. */
import { describe, expect, test } from 'vitest';
import { DEFAULT_PUBLICATION, withEnvOverrides } from '../../src/config/settings.ts';
import { dirAttribute, hasNoItalic } from '../../src/util/language.ts';

describe('dirAttribute', () => {
  test.each([
    ['fa', 'rtl'], ['he', 'rtl'], ['ur', 'rtl'], ['ar-EG', 'rtl'], ['pa-Arab', 'rtl'],
    ['ru', undefined], ['pa', undefined], ['zh-Hant', undefined], [undefined, undefined], ['not a tag!', undefined],
  ])('%s → %s', (lang, expected) => {
    expect(dirAttribute(lang)).toBe(expected);
  });
});

describe('hasNoItalic', () => {
  test.each(['fa', 'ur', 'he', 'zh', 'zh-Hant', 'ja', 'ko', 'hi', 'bn', 'ta', 'th', 'km', 'ka', 'hy', 'am', 'az-Arab'])('%s is set upright', (lang) => {
    expect(hasNoItalic(lang)).toBe(true);
  });
  test.each(['en', 'ru', 'el', 'de', 'vi', 'az', 'sr-Cyrl'])('%s keeps its italic', (lang) => {
    expect(hasNoItalic(lang)).toBe(false);
  });
  test('no tag: the page’s own italic', () => {
    expect(hasNoItalic(undefined)).toBe(false);
  });
});

describe('SITE_LANG', () => {
  test('is "en" unless set, and refused when it is not a language tag', () => {
    expect(withEnvOverrides(DEFAULT_PUBLICATION, {}).language).toBe('en');
    expect(withEnvOverrides(DEFAULT_PUBLICATION, { SITE_LANG: 'de-CH' }).language).toBe('de-CH');
    expect(() => withEnvOverrides(DEFAULT_PUBLICATION, { SITE_LANG: 'english' })).toThrow(/SITE_LANG "english" is not a BCP 47 language tag/);
  });
});
