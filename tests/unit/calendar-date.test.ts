import { describe, expect, test } from 'vitest';
import { calendarDate, isCalendarDate } from '../../src/schemas/common.ts';

const REAL_DAYS = [
  ['2022-01-14', 'an ordinary day'],
  ['2024-02-29', 'the leap day of a leap year'],
  ['2000-02-29', 'the leap day of a year divisible by 400'],
  ['2022-12-31', 'the last day of the year'],
  ['2022-04-30', 'the last day of a 30-day month'],
] as const;

const IMPOSSIBLE_DAYS = [
  ['2022-02-30', 'the 30th of February'],
  ['2022-13-45', 'a thirteenth month'],
  ['2021-02-29', 'the 29th of February in a common year'],
  ['1900-02-29', 'the 29th of February in a century year not divisible by 400'],
  ['2022-04-31', 'the 31st of a 30-day month'],
  ['2022-00-10', 'month zero'],
  ['2022-01-00', 'day zero'],
] as const;

const MALFORMED = [
  ['2022-1-14', 'a month without padding'],
  ['2022-01-4', 'a day without padding'],
  ['22-01-14', 'a two-digit year'],
  ['2022-01-14T00:00:00Z', 'a date with a time'],
  ['2022-01-14 10:00', 'a date with a time after a space'],
  [' 2022-01-14', 'a date with leading whitespace'],
  ['2022-01-14\n', 'a date with a trailing newline'],
  ['2022/01/14', 'slashes instead of dashes'],
  ['14-01-2022', 'day-first order'],
  ['', 'an empty string'],
] as const;

describe('isCalendarDate', () => {
  test.each(REAL_DAYS)('accepts %s (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  test.each(IMPOSSIBLE_DAYS)('refuses %s (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  test.each(MALFORMED)('refuses %j (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('calendarDate schema', () => {
  test.each(REAL_DAYS)('keeps %s as the same string (%s)', (value) => {
    const result = calendarDate.safeParse(value);
    expect(result.success).toBe(true);
    expect(result.data).toBe(value);
  });

  test.each(IMPOSSIBLE_DAYS)('refuses %s as not a real calendar date (%s)', (value) => {
    const result = calendarDate.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('is not a real calendar date');
  });

  test.each(MALFORMED)('refuses %j as not written YYYY-MM-DD (%s)', (value) => {
    const result = calendarDate.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('must be a date written YYYY-MM-DD');
  });

  test.each<[unknown, string]>([
    [new Date('2022-01-14T00:00:00Z'), 'a Date object'],
    [20220114, 'a number'],
    [null, 'null'],
  ])('refuses %s, which is not a string (%s)', (value) => {
    const result = calendarDate.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be a date written YYYY-MM-DD');
  });
});
