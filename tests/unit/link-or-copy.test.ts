import { linkSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { linkOrCopy } from '../../src/util/link-or-copy.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('links the file: the same bytes, no copy made', () => {
  dir = mkdtempSync(path.join(tmpdir(), 'link-or-copy-'));
  writeFileSync(path.join(dir, 'entry'), 'card');
  linkOrCopy(path.join(dir, 'entry'), path.join(dir, 'out'));
  expect(statSync(path.join(dir, 'out')).ino).toBe(statSync(path.join(dir, 'entry')).ino);
});

test('replaces a file already there instead of writing through it into another cache entry', () => {
  dir = mkdtempSync(path.join(tmpdir(), 'link-or-copy-'));
  const [a, b, out] = ['a', 'b', 'out'].map((name) => path.join(dir, name)) as [string, string, string];
  writeFileSync(a, 'entry a');
  writeFileSync(b, 'entry b');
  linkSync(a, out);
  linkOrCopy(b, out);
  expect(readFileSync(out, 'utf8')).toBe('entry b');
  expect(readFileSync(a, 'utf8')).toBe('entry a');
});

test('a missing source is an error, not an empty file', () => {
  dir = mkdtempSync(path.join(tmpdir(), 'link-or-copy-'));
  expect(() => linkOrCopy(path.join(dir, 'none'), path.join(dir, 'out'))).toThrow(/ENOENT/);
});
