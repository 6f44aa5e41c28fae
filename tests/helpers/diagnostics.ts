import { expect } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/pipeline/diagnostics.ts';
import type { TempCorpus } from './corpus.ts';
import { lineOf } from './text.ts';

/** A diagnostic's expected place: the project-relative file and the line of `needle` in it. */
export function at(corpus: TempCorpus, relativePath: string, needle: string, occurrence = 1): { file: string; line: number } {
  return { file: `content/${relativePath}`, line: lineOf(corpus.read(relativePath), needle, occurrence) };
}

/**
 * Asserts there is a diagnostic of `severity` at `where` whose message contains every
 * fragment; on failure, lists every diagnostic there is so the mismatch is obvious.
 */
export function expectDiagnostic(
  diagnostics: readonly Diagnostic[],
  severity: Diagnostic['severity'],
  where: { file: string; line: number },
  ...fragments: string[]
): Diagnostic {
  const match = diagnostics.find(
    (d) => d.severity === severity && d.file === where.file && d.line === where.line && fragments.every((f) => d.message.includes(f)),
  );
  expect(
    match,
    `expected an ${severity} at ${where.file}:${where.line} containing ${fragments.map((f) => JSON.stringify(f)).join(' and ')}; got:\n` +
      (diagnostics.map(formatDiagnostic).join('\n') || '(no diagnostics)'),
  ).toBeDefined();
  return match!;
}

export const expectError = (diagnostics: readonly Diagnostic[], where: { file: string; line: number }, ...fragments: string[]) =>
  expectDiagnostic(diagnostics, 'error', where, ...fragments);

export const expectWarning = (diagnostics: readonly Diagnostic[], where: { file: string; line: number }, ...fragments: string[]) =>
  expectDiagnostic(diagnostics, 'warning', where, ...fragments);
