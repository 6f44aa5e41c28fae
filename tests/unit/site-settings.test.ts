import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_PUBLICATION, nowFromEnv, THEME, withEnvOverrides } from '../../src/config/settings.ts';
import { contrastOn, nearestPassing } from '../../src/pipeline/load/accent-contrast.ts';
import { loadSiteSettings } from '../../src/pipeline/load/site-settings.ts';
import { brandFilePaths, brandFiles, monogramLetters } from '../../src/pipeline/emit/brand-files.ts';
import { dueAt, scheduleOf } from '../../src/pipeline/resolve/schedule.ts';
import { PROJECT_ROOT, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { positionOf } from '../helpers/text.ts';

let corpus: TempCorpus | undefined;
afterEach(() => corpus?.cleanup());

/** site.yaml with `text`, loaded as the build loads it. */
function load(text: string, files: Record<string, string> = {}) {
  corpus = tempCorpus();
  corpus.write('site.yaml', text);
  for (const [name, body] of Object.entries(files)) corpus.write(name, body);
  return loadSiteSettings(corpus.contentDir, corpus.root);
}

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40"/></svg>';

describe('loadSiteSettings', () => {
  test('without site.yaml, the defaults a new desk starts from', () => {
    corpus = tempCorpus();
    expect(loadSiteSettings(corpus.contentDir, corpus.root)).toMatchObject({ publication: DEFAULT_PUBLICATION, diagnostics: [] });
  });

  test('reads every setting, with handles as the services print them', () => {
    const { publication, diagnostics } = load(
      ['name: Lagebild', 'tagline: Belegt.', 'language: de-AT', 'logo: logo.svg', 'accent: "#1F5C3A"', 'social:', '  x: lagebild', '  mastodon: lagebild@social.example', 'license: cc-by-4.0', 'footer:', '  - { label: Impressum, url: /impressum/ }', ''].join('\n'),
      { 'logo.svg': LOGO },
    );
    expect(diagnostics).toEqual([]);
    expect(publication).toMatchObject({
      name: 'Lagebild', tagline: 'Belegt.', language: 'de-AT',
      logo: { sitePath: '/brand/logo.svg', type: 'image/svg+xml', width: 120, height: 40 },
      accent: { light: '#1f5c3a', dark: nearestPassing('dark', '#1f5c3a') }, customAccent: true,
      social: { x: '@lagebild', mastodon: '@lagebild@social.example' },
      license: { id: 'CC-BY-4.0', url: 'https://spdx.org/licenses/CC-BY-4.0.html' },
      footer: [{ label: 'Impressum', url: '/impressum/' }],
    });
  });

  test('an unknown key is refused at its line and column, with the nearest known one', () => {
    const text = 'name: Desk\ntagine: Sourced.\n';
    const { diagnostics, publication } = load(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'unknown-field', file: 'content/site.yaml', ...positionOf(text, 'tagine') });
    expect(diagnostics[0]!.message).toContain('(did you mean "tagline"?)');
    expect(publication).toBe(DEFAULT_PUBLICATION);
  });

  test.each([
    ['language: ua\n', 'ua', 'did you mean "uk"?'],
    ['accent: red\n', 'red', '#rrggbb'],
    ['social:\n  x: "@way_too_long_for_x_handles"\n', '"@way_too_long_for_x_handles"', 'X handle'],
    ['contact: javascript:alert(1)\n', 'javascript:alert(1)', 'http(s) URL or mailto:address'],
    ['footer:\n  - { label: About, url: "//evil.example/" }\n', '"//evil.example/"', 'site path starting with "/"'],
    ['license: CC-BY-4\n', 'CC-BY-4', 'did you mean "CC-BY-4.0"?'],
    ['logo: logo.gif\n', 'logo.gif', '.svg or .png'],
    ['logo: missing.svg\n', 'missing.svg', 'no file "missing.svg"'],
    ['logo: ../outside.svg\n', '../outside.svg', 'inside the content folder'],
  ])('%j is refused at the value, naming it: %s', (text, value, hint) => {
    const { diagnostics } = load(text);
    expect(diagnostics).toHaveLength(1);
    const at = positionOf(text, `: ${value}`);
    expect(diagnostics[0]).toMatchObject({ file: 'content/site.yaml', line: at.line, column: at.column + 2 });
    expect(diagnostics[0]!.message).toContain(hint);
  });

  test('an SVG logo that could run script is refused', () => {
    const { diagnostics } = load('logo: logo.svg\n', { 'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"/>' });
    expect(diagnostics.map((d) => d.code)).toEqual(['bad-logo']);
    expect(diagnostics[0]!.message).toContain('onload');
  });

  test('a file that is not what its name says is refused', () => {
    const { diagnostics } = load('logo: logo.png\n', { 'logo.png': LOGO });
    expect(diagnostics[0]!.message).toContain('is not a PNG file');
  });

  test('malformed YAML is located', () => {
    const text = 'name: Desk\nfooter: [\n';
    const { diagnostics } = load(text);
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-syntax', file: 'content/site.yaml' });
  });
});

describe('the accent', () => {
  test('a colour with too little contrast is refused with the ratio measured and one that passes', () => {
    const text = 'accent: "#e08080"\n';
    const { diagnostics } = load(text);
    expect(diagnostics).toHaveLength(1);
    const message = diagnostics[0]!.message;
    expect(diagnostics[0]).toMatchObject({ code: 'accent-contrast', ...positionOf(text, '"#e08080"') });
    const ratio = contrastOn('light', '#e08080').ratio;
    expect(ratio).toBeLessThan(4.5);
    expect(message).toContain(`has a contrast of ${ratio.toFixed(2)}:1 on the light theme's`);
    const suggested = /the nearest that passes is "(#[0-9a-f]{6})"/.exec(message)![1]!;
    expect(contrastOn('light', suggested).ratio).toBeGreaterThanOrEqual(4.5);
  });

  test('a single colour is the light theme\'s; the dark theme gets the nearest lighter shade that passes', () => {
    const { diagnostics, publication } = load('accent: "#1f5c3a"\n');
    expect(diagnostics).toEqual([]);
    expect(publication.accent.light).toBe('#1f5c3a');
    expect(publication.accent.dark).not.toBe('#1f5c3a');
    expect(contrastOn('dark', publication.accent.dark).ratio).toBeGreaterThanOrEqual(4.5);
    expect(contrastOn('dark', '#1f5c3a').ratio).toBeLessThan(4.5);
  });

  test('one colour per theme passes when each suits its own background', () => {
    const { diagnostics, publication } = load('accent:\n  light: "#1f5c3a"\n  dark: "#7fd0a0"\n');
    expect(diagnostics).toEqual([]);
    expect(publication.accent).toEqual({ light: '#1f5c3a', dark: '#7fd0a0' });
  });

  test('a dark-theme colour too dark for its background is refused, with a lighter one', () => {
    const { diagnostics } = load('accent:\n  light: "#1f5c3a"\n  dark: "#1f5c3a"\n');
    expect(diagnostics[0]!.message).toContain("on the dark theme's");
    const lighter = nearestPassing('dark', '#1f5c3a')!;
    expect(contrastOn('dark', lighter).ratio).toBeGreaterThanOrEqual(4.5);
  });

  test('the theme colours it is checked against are those of the stylesheet', () => {
    const css = readFileSync(path.join(PROJECT_ROOT, 'src/styles/global.css'), 'utf8');
    const [light, dark] = [css.slice(0, css.indexOf('prefers-color-scheme: dark')), css.slice(css.indexOf('prefers-color-scheme: dark'))];
    const value = (block: string, name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(block)?.[1];
    expect({ bg: value(light, 'bg'), surface: value(light, 'surface') }).toEqual(THEME.light);
    expect({ bg: value(dark, 'bg'), surface: value(dark, 'surface') }).toEqual(THEME.dark);
    for (const theme of ['light', 'dark'] as const) expect(contrastOn(theme, DEFAULT_PUBLICATION.accent[theme]).ratio).toBeGreaterThanOrEqual(4.5);
  });
});

describe('environment variables', () => {
  test('SITE_NAME and SITE_TAGLINE win over the file', () => {
    const file = { ...DEFAULT_PUBLICATION, name: 'From file', tagline: 'File tagline' };
    expect(withEnvOverrides(file, {})).toMatchObject({ name: 'From file', tagline: 'File tagline' });
    expect(withEnvOverrides(file, { SITE_NAME: 'Staging desk' })).toMatchObject({ name: 'Staging desk', tagline: 'File tagline' });
  });

  test('BRIEFINGS_NOW fixes the moment; BRIEFINGS_TODAY the start of a day; anything else is refused', () => {
    expect(nowFromEnv({ BRIEFINGS_NOW: '2022-01-14T09:00:00+03:00' }).toISOString()).toBe('2022-01-14T06:00:00.000Z');
    expect(nowFromEnv({ BRIEFINGS_TODAY: '2022-01-14' }).toISOString()).toBe('2022-01-14T00:00:00.000Z');
    expect(() => nowFromEnv({ BRIEFINGS_NOW: '2022-01-14 09:00' })).toThrow(/BRIEFINGS_NOW must be a date-time with offset/);
  });
});

describe('the publishing schedule', () => {
  test('a briefing is due at its publish moment, or at the start of its date (UTC)', () => {
    expect(dueAt({ date: '2022-01-14', publish: '2022-01-14T09:00:00+03:00' }).toISOString()).toBe('2022-01-14T06:00:00.000Z');
    expect(dueAt({ date: '2022-01-14' }).toISOString()).toBe('2022-01-14T00:00:00.000Z');
  });

  test('names the next briefing due, not counting drafts', () => {
    const now = new Date('2022-01-14T00:00:00Z');
    const schedule = scheduleOf([
      { id: 'later', file: 'b/later.md', data: { date: '2022-01-20', draft: false } },
      { id: 'sooner', file: 'b/sooner.md', data: { date: '2022-01-15', publish: '2022-01-15T08:00:00Z', draft: false } },
      { id: 'draft', file: 'b/draft.md', data: { date: '2022-01-14', publish: '2022-01-14T01:00:00Z', draft: true } },
      { id: 'past', file: 'b/past.md', data: { date: '2022-01-13', draft: false } },
    ], now);
    expect(schedule).toEqual({ heldBack: 2, next: { slug: 'sooner', file: 'b/sooner.md', due: '2022-01-15T08:00:00.000Z' } });
  });

  test('publish without an offset is refused, at the value', () => {
    corpus = tempCorpus('basic');
    const file = 'briefings/second-round.md';
    corpus.write(file, corpus.read(file).replace('date: 2022-01-20\n', 'date: 2022-01-20\npublish: 2022-01-20T09:00\n'));
    const result = corpus.check();
    const problem = result.diagnostics.find((d) => d.severity === 'error')!;
    expect(problem).toMatchObject({ code: 'invalid-field', ...positionOf(corpus.read(file), '2022-01-20T09:00') });
    expect(problem.message).toContain('the offset, or Z for UTC, is required');
  });

  test('the dev server shows a briefing not yet due, marked with its moment; a build leaves it out', () => {
    corpus = tempCorpus('basic');
    const file = 'briefings/second-round.md';
    corpus.write(file, corpus.read(file).replace('date: 2022-01-20\n', 'date: 2022-01-20\npublish: 2026-01-02T09:30:00+01:00\n'));
    const built = corpus.check();
    expect(built.model.briefingBySlug.has('second-round' as never)).toBe(false);
    expect(built.schedule.next).toEqual({ slug: 'second-round', file: 'content/briefings/second-round.md', due: '2026-01-02T08:30:00.000Z' });
    const dev = corpus.check({ includeDrafts: true });
    expect(dev.model.briefingBySlug.get('second-round' as never)?.scheduledFor).toBe('2026-01-02T08:30:00.000Z');
  });
});

describe('monogramLetters', () => {
  test.each([
    ['Briefing Desk', 'BD'],
    ['lagebild', 'L'],
    ['The  Wire — Daily', 'TW'],
    ['عين الخبر', 'عا'],
  ])('%j → %j', (name, letters) => expect(monogramLetters(name)).toBe(letters));
});

describe('brandFilePaths', () => {
  // The dev server lets every other request through on this list, without drawing the icons.
  test.each([
    ['the defaults', ''],
    ['a logo and an accent', 'logo: logo.svg\naccent: "#1F5C3A"\n'],
  ])('names exactly the files brandFiles makes, with %s', async (_name, yaml) => {
    const { publication } = load(yaml, { 'logo.svg': LOGO });
    expect(brandFilePaths(publication)).toEqual((await brandFiles(publication)).map((f) => f.sitePath));
  });
});
