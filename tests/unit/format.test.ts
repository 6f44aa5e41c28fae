import { describe, expect, test } from 'vitest';
import { formatDate, topicLabel } from '../../src/util/format.ts';

describe('topicLabel', () => {
  test.each([
    ['security-guarantees', 'Security guarantees'],
    ['nato-enlargement', 'NATO enlargement'],
    ['eu-sanctions', 'EU sanctions'],
    ['talks', 'Talks'],
    ['role-of-the-osce', 'Role of the OSCE'],
  ])('%s → %s', (slug, label) => {
    expect(topicLabel(slug)).toBe(label);
  });
});

describe('formatDate', () => {
  test('shows the same calendar day whatever the time zone', () => {
    // The formatter is pinned to UTC; a date-only value is UTC midnight.
    expect(formatDate('2022-01-14')).toBe('14 January 2022');
    expect(formatDate('2022-01-01', 'short')).toBe('1 Jan 2022');
    expect(formatDate('2021-12-31')).toBe('31 December 2021');
  });
});
