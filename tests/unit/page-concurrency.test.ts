import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { pageConcurrency } from '../../src/config/settings.ts';

test('pages are built eight at a time once Astro holds the last build’s pages to copy, one at a time before', () => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'page-concurrency-'));
  try {
    expect(pageConcurrency(cacheDir)).toBe(1);
    expect(pageConcurrency(path.join(cacheDir, 'missing'))).toBe(1);
    writeFileSync(path.join(cacheDir, 'incremental-build.json'), '{}');
    expect(pageConcurrency(cacheDir)).toBe(8);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
