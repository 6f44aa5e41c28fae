import { describe, expect, test } from 'vitest';
import { redirectsFile } from '../../src/pipeline/emit/host-files.ts';

describe('redirectsFile', () => {
  const redirects = [
    { from: '/positions/old/', to: '/positions/new/' },
    { from: '/positions/old/og.png', to: '/positions/new/og.png' },
  ];

  test.each([
    ['/', '/positions/old/ /positions/new/ 301\n/positions/old/og.png /positions/new/og.png 301\n'],
    ['/desk/', '/desk/positions/old/ /desk/positions/new/ 301\n/desk/positions/old/og.png /desk/positions/new/og.png 301\n'],
    ['/desk', '/desk/positions/old/ /desk/positions/new/ 301\n/desk/positions/old/og.png /desk/positions/new/og.png 301\n'],
  ])('writes one 301 line a former URL, under the base path %s', (base, expected) => {
    expect(redirectsFile(redirects, base)).toBe(expected);
  });
});
