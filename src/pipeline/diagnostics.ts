/**
 * Every content problem, from a YAML syntax error to a dangling reference, is a
 * Diagnostic: one shape, one formatter, so `npm run check`, `npm run build` and
 * `astro dev` all say the same thing in the same words.
 */
import { plural } from '../util/format.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `unknown-actor`. Documented in docs/authoring.md. */
  code: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line and column of the offending key, value or component. */
  line: number;
  column: number;
  /** Human sentence naming the field and the bad value, with a suggestion where one exists. */
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/** Thrown when content has errors; its message lists every one of them. */
export class ContentError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `Content has ${summarize(diagnostics)}; nothing was built.\n` + errors.map(formatDiagnostic).join('\n'),
    );
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
  }
}
