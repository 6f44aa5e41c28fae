import { afterAll, describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/pipeline/diagnostics.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { at, expectError } from '../helpers/diagnostics.ts';

const FIRST = 'briefings/first-talks.mdx';
const SECOND = 'briefings/second-round.md';
const BOB = 'actors/bob-brown.md';

const corpora: TempCorpus[] = [];
afterAll(() => corpora.forEach((c) => c.cleanup()));

function corpusWith(change: (corpus: TempCorpus) => void): TempCorpus {
  const corpus = tempCorpus('basic');
  corpora.push(corpus);
  change(corpus);
  return corpus;
}

/** Adds `formerly` to a position of first-talks. */
const formerPosition = (corpus: TempCorpus, list: string) => edit(corpus, FIRST, '  - id: brown-hopeful\n', `  - id: brown-hopeful\n    formerly: ${list}\n`);

describe('formerly', () => {
  test('is accepted on a briefing, an actor and a position when the ids are free', () => {
    const corpus = corpusWith((c) => {
      edit(c, SECOND, /^---\n/, '---\nformerly: [round-two]\n');
      edit(c, BOB, /^---\n/, '---\nformerly: [robert-brown, bobby-brown]\n');
      formerPosition(c, '[brown-optimistic]');
    });
    const result = corpus.check();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.model.positionById.get('brown-hopeful' as never)?.formerly).toEqual(['brown-optimistic']);
  });

  test.each([
    ['the item’s own id', FIRST, '[brown-hopeful]', 'former-id-is-current', 'is this position\'s own id'],
    ['an id in use by another position', FIRST, '[adams-no-deal]', 'former-id-in-use', 'in content/briefings/first-talks.mdx'],
    ['an id in use by a draft’s position', FIRST, '[adams-draft-position]', 'former-id-in-use', 'secret-plan.mdx'],
  ])('refuses %s, at its line', (_what, file, list, code, says) => {
    const corpus = corpusWith((c) => formerPosition(c, list));
    const d = expectError(corpus.check().diagnostics, at(corpus, file, `formerly: ${list}`), says);
    expect(d.code).toBe(code);
  });

  test('refuses a former id claimed by two items, naming the first claim', () => {
    const corpus = corpusWith((c) => {
      edit(c, SECOND, '  - id: adams-sanctions\n', '  - id: adams-sanctions\n    formerly: [old-one]\n');
      formerPosition(c, '[old-one]');
    });
    const d = expectError(corpus.check().diagnostics, at(corpus, SECOND, 'formerly: [old-one]'), 'already claimed by position "brown-hopeful"', 'first-talks.mdx:');
    expect(d.code).toBe('former-id-claimed-twice');
  });

  test('refuses a briefing slug that another briefing has', () => {
    const corpus = corpusWith((c) => edit(c, SECOND, /^---\n/, '---\nformerly: [first-talks]\n'));
    const d = expectError(corpus.check().diagnostics, at(corpus, SECOND, 'formerly:'), '"first-talks" is the slug of a briefing in content/briefings/first-talks.mdx');
    expect(d.code).toBe('former-id-in-use');
  });

  test('refuses a malformed id, naming the value', () => {
    const corpus = corpusWith((c) => edit(c, SECOND, /^---\n/, '---\nformerly: [round-two, Not_A_Slug]\n'));
    const d = expectError(corpus.check().diagnostics, at(corpus, SECOND, 'formerly:'), '"formerly.1"', 'lower-case letters', 'Not_A_Slug');
    expect(d.code).toBe('invalid-field');
  });

  test('refuses an actor id that is in use', () => {
    const corpus = corpusWith((c) => edit(c, BOB, /^---\n/, '---\nformerly: [alice-adams]\n'));
    expect(expectError(corpus.check().diagnostics, at(corpus, BOB, 'formerly:'), 'is the id of an actor in content/actors/alice-adams.md').code).toBe('former-id-in-use');
  });
});

describe('withdrawn', () => {
  const withdraw = (corpus: TempCorpus, value: string) => edit(corpus, FIRST, '    role: Special Envoy\n', `    role: Special Envoy\n    withdrawn: ${value}\n`);

  test('marks the position, and a withdrawn briefing marks its positions', () => {
    const corpus = corpusWith((c) => {
      withdraw(c, '{ date: 2022-02-01, reason: Misquoted. }');
      edit(c, SECOND, /^---\n/, '---\nwithdrawn: { date: 2022-03-01, reason: Forged source. }\n');
    });
    const result = corpus.check();
    expect(result.errorCount).toBe(0);
    expect(result.model.positionById.get('brown-hopeful' as never)?.withdrawn).toEqual({ date: '2022-02-01', reason: 'Misquoted.' });
    expect(result.model.positionById.get('adams-sanctions' as never)?.withdrawn).toEqual({ date: '2022-03-01', reason: 'Forged source.' });
  });

  test.each([
    ['without a reason', '{ date: 2022-02-01 }', 'withdrawn.reason', 'missing-field'],
    ['without a date', '{ reason: Misquoted. }', 'withdrawn.date', 'missing-field'],
    ['with an impossible date', '{ date: 2022-02-30, reason: Misquoted. }', 'not a real calendar date', 'invalid-field'],
    ['dated before the position', '{ date: 2022-01-01, reason: Misquoted. }', 'before the position\'s date (2022-01-09)', 'withdrawn-before-date'],
    ['dated in the future', '{ date: 2027-01-01, reason: Misquoted. }', 'in the future', 'withdrawn-in-future'],
  ])('is refused %s', (_what, value, says, code) => {
    const corpus = corpusWith((c) => withdraw(c, value));
    const d = expectError(corpus.check().diagnostics, at(corpus, FIRST, 'withdrawn:'), says);
    expect(d.code).toBe(code);
  });
});

describe('corrections', () => {
  const correct = (corpus: TempCorpus, list: string) => edit(corpus, SECOND, 'updated: 2022-01-21\n', `corrections: ${list}\n`);

  test('are kept newest first, default to kind "correction", and date the briefing’s update', () => {
    const corpus = corpusWith((c) => correct(c, '[{ date: 2022-01-22, text: First. }, { date: 2022-01-30, text: Later., kind: clarification }]'));
    const result = corpus.check();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const briefing = result.model.briefingBySlug.get('second-round' as never)!;
    expect(briefing.corrections).toEqual([{ date: '2022-01-30', text: 'Later.', kind: 'clarification' }, { date: '2022-01-22', text: 'First.', kind: 'correction' }]);
    expect(briefing.updated).toBe('2022-01-30');
  });

  test.each([
    ['without a text', '[{ date: 2022-01-22 }]', 'corrections.0.text', 'missing-field'],
    ['without a date', '[{ text: Fixed. }]', 'corrections.0.date', 'missing-field'],
    ['with a kind outside the list', '[{ date: 2022-01-22, text: Fixed., kind: corection }]', 'did you mean "correction"', 'invalid-field'],
    ['dated before the briefing', '[{ date: 2022-01-01, text: Fixed. }]', "before the briefing's date (2022-01-20)", 'correction-before-date'],
    ['dated in the future', '[{ date: 2027-01-01, text: Fixed. }]', 'in the future', 'correction-in-future'],
  ])('are refused %s', (_what, list, says, code) => {
    const corpus = corpusWith((c) => correct(c, list));
    const d = expectError(corpus.check().diagnostics, at(corpus, SECOND, 'corrections:'), says);
    expect(d.code).toBe(code);
  });

  test('an explicit "updated" before the latest correction is refused', () => {
    const corpus = corpusWith((c) => edit(c, SECOND, 'updated: 2022-01-21\n', 'updated: 2022-01-21\ncorrections: [{ date: 2022-01-25, text: Fixed. }]\n'));
    const d = expectError(corpus.check().diagnostics, at(corpus, SECOND, 'updated:'), 'before the latest correction (2022-01-25)');
    expect(d.code).toBe('updated-before-correction');
  });
});

describe('quotes in the original language', () => {
  const quote = (corpus: TempCorpus, fields: string) => edit(corpus, FIRST, '    topic: talks\n', `    topic: talks\n${fields}`);

  test('a quote keeps its language tag and translation', () => {
    const corpus = corpusWith((c) => quote(c, '    lang: ru\n    translation: There is no deal yet.\n'));
    const result = corpus.check();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const position = result.model.positionById.get('adams-no-deal' as never)!;
    expect([position.lang, position.translation]).toEqual(['ru', 'There is no deal yet.']);
  });

  test.each([
    ['a country code for a language, with the language suggested', '    lang: ua\n', 'lang', '(did you mean "uk"?)', 'invalid-field'],
    ['an unknown tag', '    lang: xx-yy-zz\n', 'lang', 'is not a valid BCP 47 language tag', 'invalid-field'],
    ['a misspelt script, with the tag suggested', '    lang: zh-Hnas\n', 'lang', '(did you mean "zh-Hans"?)', 'invalid-field'],
  ])('refuses %s', (_what, fields, needle, says, code) => {
    const corpus = corpusWith((c) => quote(c, fields));
    expect(expectError(corpus.check().diagnostics, at(corpus, FIRST, `${needle}:`), says).code).toBe(code);
  });

  test('refuses a translation, or a language, on a position without a quote', () => {
    const corpus = corpusWith((c) => edit(c, FIRST, '    role: Special Envoy\n', '    role: Special Envoy\n    lang: en\n    translation: Hopeful.\n'));
    const { diagnostics } = corpus.check();
    expect(expectError(diagnostics, at(corpus, FIRST, 'translation: Hopeful.'), 'has "translation" but no "quote"').code).toBe('translation-without-quote');
    expect(expectError(diagnostics, at(corpus, FIRST, 'lang: en'), 'has "lang" but no "quote"').code).toBe('lang-without-quote');
  });
});

describe('archived sources', () => {
  const source = (corpus: TempCorpus, fields: string) => edit(corpus, FIRST, '    date: 2022-01-10\n  - id: transcript\n', `    date: 2022-01-10\n${fields}  - id: transcript\n`);

  test('a source keeps its archived copy, access date and language', () => {
    const corpus = corpusWith((c) => source(c, '    archived: https://web.archive.org/web/2022/https://example.org/wire\n    accessed: 2022-01-11\n    lang: ru\n'));
    const result = corpus.check();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.model.briefingBySlug.get('first-talks' as never)!.sources[0]).toMatchObject({ archived: 'https://web.archive.org/web/2022/https://example.org/wire', accessed: '2022-01-11', lang: 'ru' });
  });

  test.each([
    ['an archived copy that is not http(s)', '    archived: ftp://example.org/copy\n', 'archived:', 'must be an http:// or https:// URL', 'invalid-field'],
    ['an access date in the future', '    accessed: 2027-01-01\n', 'accessed:', 'is in the future', 'accessed-in-future'],
  ])('refuses %s', (_what, fields, needle, says, code) => {
    const corpus = corpusWith((c) => source(c, fields));
    expect(expectError(corpus.check().diagnostics, at(corpus, FIRST, needle), says).code).toBe(code);
  });

  test('warns about sources without an archived copy only when REQUIRE_ARCHIVED_SOURCES asks', async () => {
    const { checkContent } = await import('../../src/pipeline/content-check.ts');
    const corpus = corpusWith(() => {});
    const options = { root: corpus.root, contentDir: corpus.contentDir, today: '2026-01-01' };
    expect(checkContent(options).diagnostics.filter((d) => d.code === 'source-not-archived')).toEqual([]);
    const warned = checkContent({ ...options, requireArchived: true }).diagnostics.filter((d) => d.code === 'source-not-archived');
    expect(warned.map((d) => `${d.severity} ${d.file}:${d.line}`)).toContain(`warning content/${FIRST}:${at(corpus, FIRST, 'url: https://example.org/wire').line}`);
  });
});

describe('pinpoints', () => {
  const cite = (corpus: TempCorpus, list: string) => edit(corpus, FIRST, '    sources: [wire, transcript]\n', `    sources: ${list}\n`);

  test('a source reference may say where: a moment, a page or a section; plain ids still work', () => {
    const corpus = corpusWith((c) => cite(c, '[wire, { id: transcript, at: "00:12:31", page: 4 }]'));
    const result = corpus.check();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const position = result.model.positionById.get('brown-hopeful' as never)!;
    expect(position.sourceIds).toEqual(['wire', 'transcript']);
    expect(position.pinpoints).toEqual({ transcript: { at: '00:12:31', page: 4 } });
  });

  test.each([
    ['an unknown source', '[{ id: transcrip, page: 2 }]', 'sources:', 'unknown source id "transcrip" (did you mean "transcript"?)', 'unknown-source'],
    ['a malformed time', '[{ id: transcript, at: "12:99" }]', 'sources:', 'must be a time written 12:31', 'invalid-field'],
    ['page 0', '[{ id: transcript, page: 0 }]', 'sources:', 'must be 1 or more', 'invalid-field'],
    ['a misspelt field, naming it', '[{ id: transcript, pge: 2 }]', 'sources:', 'unknown field "pge"', 'unknown-field'],
  ])('refuses %s', (_what, list, needle, says, code) => {
    const corpus = corpusWith((c) => cite(c, list));
    expect(expectError(corpus.check().diagnostics, at(corpus, FIRST, `    ${needle} ${list}`), says).code).toBe(code);
  });
});

describe('share cards of corrected, withdrawn and translated positions', () => {
  test('say so: the date of the latest correction, "Withdrawn", the language translated from', async () => {
    const { planCards } = await import('../../src/pipeline/cards/plan.ts');
    const { cardLayout } = await import('../../src/pipeline/cards/layout.ts');
    const corpus = corpusWith((c) => {
      edit(c, FIRST, '    topic: talks\n', '    topic: talks\n    lang: ru\n    translation: No deal yet.\n    corrections:\n      - { date: 2022-01-12, text: Misattributed. }\n      - { date: 2022-01-15, text: Context added., kind: update }\n');
      edit(c, FIRST, '    role: Special Envoy\n', '    role: Special Envoy\n    withdrawn: { date: 2022-02-01, reason: Misquoted. }\n');
    });
    const jobs = planCards(corpus.check().model, { name: 'Desk', tagline: 'Sourced.' });
    const card = (path: string) => jobs.find((j) => j.sitePath === path)!.content;
    expect(card('/positions/adams-no-deal/og.png')).toMatchObject({ text: 'No deal yet.', translatedFrom: 'Russian', corrected: '2022-01-12' });
    expect(JSON.stringify(cardLayout(card('/positions/adams-no-deal/og.png'), 'Inter'))).toContain('10 January 2022 · corrected 12 January 2022');
    expect(JSON.stringify(cardLayout(card('/positions/brown-hopeful/og.png'), 'Inter'))).toContain('WITHDRAWN');
    // A card of an item never corrected is the card it always was: its cache key does not change.
    expect(card('/positions/adams-sanctions/og.png')).not.toHaveProperty('corrected', expect.anything());
  });
});
