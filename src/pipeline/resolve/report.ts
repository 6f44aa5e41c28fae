/** How the resolve stage records problems: located diagnostics, collected rather than thrown. */
import type { Diagnostic } from '../diagnostics.ts';

export interface Where {
  line: number;
  column: number;
}

export interface Report {
  diagnostics: Diagnostic[];
  error(file: string, where: Where, code: string, message: string): void;
  warning(file: string, where: Where, code: string, message: string): void;
}

export function createReport(): Report {
  const diagnostics: Diagnostic[] = [];
  return {
    diagnostics,
    error: (file, where, code, message) => void diagnostics.push({ severity: 'error', code, file, line: where.line, column: where.column, message }),
    warning: (file, where, code, message) => void diagnostics.push({ severity: 'warning', code, file, line: where.line, column: where.column, message }),
  };
}

/**
 * Dates (YYYY-MM-DD), ids and slugs are ASCII, so plain code-unit order is their
 * order, and much cheaper than a locale-aware comparison in sorts of every position.
 */
export const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
