import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkContent, type CheckResult } from '../../src/pipeline/content-check.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures');

/** A throwaway project-like folder holding `content/actors` and `content/briefings`. */
export interface TempCorpus {
  root: string;
  contentDir: string;
  write(relativePath: string, text: string | Uint8Array): void;
  remove(relativePath: string): void;
  read(relativePath: string): string;
  check(options?: { includeDrafts?: boolean; today?: string }): CheckResult;
  cleanup(): void;
}

/** Copies a fixture's content (or starts empty) into a temp folder that tests may edit freely. */
export function tempCorpus(fixture?: string): TempCorpus {
  const root = mkdtempSync(path.join(tmpdir(), 'briefing-corpus-'));
  const contentDir = path.join(root, 'content');
  mkdirSync(path.join(contentDir, 'actors'), { recursive: true });
  mkdirSync(path.join(contentDir, 'briefings'), { recursive: true });
  if (fixture) cpSync(path.join(FIXTURES, fixture, 'content'), contentDir, { recursive: true });
  return {
    root,
    contentDir,
    write(relativePath, text) {
      const file = path.join(contentDir, relativePath);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
    remove(relativePath) {
      rmSync(path.join(contentDir, relativePath));
    },
    read(relativePath) {
      return readFileSync(path.join(contentDir, relativePath), 'utf8');
    },
    check(options = {}) {
      return checkContent({ root, contentDir, today: options.today ?? '2026-01-01', includeDrafts: options.includeDrafts ?? false });
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Replaces the first occurrence of `search` in a corpus file, failing loudly if it is absent. */
export function edit(corpus: TempCorpus, relativePath: string, search: string | RegExp, replacement: string): void {
  const before = corpus.read(relativePath);
  const after = before.replace(search, replacement);
  if (after === before) throw new Error(`edit(): ${String(search)} not found in ${relativePath}`);
  corpus.write(relativePath, after);
}
