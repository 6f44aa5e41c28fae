import { describe, expect, test } from 'vitest';
import { didYouMean, nearest } from '../../src/util/suggest.ts';

const ACTORS = ['sergey-lavrov', 'jake-sullivan', 'annalena-baerbock', 'nato', 'osce', 'russia', 'united-states'];

describe('nearest', () => {
  test.each([
    ['sergei-lavrov', 'sergey-lavrov', 'a one-letter transliteration difference'],
    ['sergey-lavorv', 'sergey-lavrov', 'swapped letters'],
    ['lavrov', 'sergey-lavrov', 'a surname alone'],
    ['sergey', 'sergey-lavrov', 'a first name alone'],
    ['Sergey-Lavrov', 'sergey-lavrov', 'different letter case'],
    ['natoo', 'nato', 'an extra letter in a short id'],
    ['jake-sulivan', 'jake-sullivan', 'a missing double letter'],
  ])('suggests the known id for %j (%s)', (value, expected) => {
    expect(nearest(value, ACTORS)).toBe(expected);
  });

  test.each([
    ['xylophone', 'a wholly different word'],
    ['emmanuel-macron', 'an actor that does not exist'],
    ['qqqq', 'gibberish as short as the shortest id'],
  ])('suggests nothing for %j (%s)', (value) => {
    expect(nearest(value, ACTORS)).toBeUndefined();
  });

  test('suggests nothing when there are no candidates', () => {
    expect(nearest('sergey-lavrov', [])).toBeUndefined();
  });

  test('accepts any iterable of candidates, such as a Set or map keys', () => {
    expect(nearest('sergei-lavrov', new Set(ACTORS))).toBe('sergey-lavrov');
    expect(nearest('sergei-lavrov', new Map(ACTORS.map((id) => [id, true])).keys())).toBe('sergey-lavrov');
  });

  test('breaks a tie in favour of the alphabetically first candidate, whatever the order given', () => {
    expect(nearest('abd', ['abe', 'abc'])).toBe('abc');
    expect(nearest('abd', ['abc', 'abe'])).toBe('abc');
  });
});

describe('didYouMean', () => {
  test('names the nearest candidate in a parenthesised suggestion', () => {
    expect(didYouMean('sergei-lavrov', ACTORS)).toBe(' (did you mean "sergey-lavrov"?)');
  });

  test('suggests the full id for a surname alone', () => {
    expect(didYouMean('lavrov', ACTORS)).toContain('"sergey-lavrov"');
  });

  test('is an empty string when nothing is close', () => {
    expect(didYouMean('xylophone', ACTORS)).toBe('');
  });
});
