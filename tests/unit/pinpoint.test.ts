import { describe, expect, test } from 'vitest';
import { pinpointView, seconds } from '../../src/util/pinpoint.ts';

describe('pinpointView', () => {
  test.each([
    ['https://example.org/talk.mp4', { at: '00:12:31' }, { label: 'at 12:31', href: 'https://example.org/talk.mp4#t=751' }],
    ['https://example.org/talk.mp3#old', { at: '1:02:03' }, { label: 'at 1:02:03', href: 'https://example.org/talk.mp3#t=3723' }],
    ['https://example.org/talk.webm', { at: '00:05:00' }, { label: 'at 5:00', href: 'https://example.org/talk.webm#t=300' }],
    ['https://example.org/talk.mp4', { at: '0:05' }, { label: 'at 0:05', href: 'https://example.org/talk.mp4#t=5' }],
    ['https://example.org/article', { at: '00:12:31' }, { label: 'at 12:31' }],
    ['https://example.org/transcript.pdf', { page: 4 }, { label: 'p. 4' }],
    ['https://example.org/transcript', { section: 'Q&A', page: 2 }, { label: 'p. 2, § Q&A' }],
  ])('%s %o → %o', (url, pinpoint, expected) => {
    expect(pinpointView(url, pinpoint)).toEqual(expected);
  });

  test('nothing to show without a pinpoint', () => {
    expect(pinpointView('https://example.org/a', undefined)).toBeUndefined();
    expect(pinpointView('https://example.org/a', {})).toBeUndefined();
  });

  test('seconds counts hours, minutes and seconds', () => {
    expect([seconds('12:31'), seconds('00:12:31'), seconds('1:00:00')]).toEqual([751, 751, 3600]);
  });
});
