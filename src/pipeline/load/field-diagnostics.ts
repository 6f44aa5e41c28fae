/** Schema failures as diagnostics authors can act on: the field, the bad value, and the nearest valid one. */
import type { z } from 'zod';
import { didYouMean, nearest } from '../../util/suggest.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { ParsedFile } from './frontmatter.ts';

type Issue = z.core.$ZodIssue;

/**
 * Every issue of one file as diagnostics, one mistake one error: a misspelt field
 * (`sumary`) also leaves the field it was meant to be (`summary`) missing. The
 * unknown-field error already says "did you mean "summary"?", so the missing-field
 * error for that same field is left out; fixing the spelling fixes both.
 */
export function issuesToDiagnostics(issues: readonly Issue[], file: string, parsed: ParsedFile, schema: z.ZodType): Diagnostic[] {
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeys(schema, issue.path);
    for (const key of issue.keys) {
      const guess = nearest(key, known);
      if (guess !== undefined) meant.add([...issue.path, guess].map(String).join('.'));
    }
  }
  return issues
    .filter((issue) => !(issue.code === 'invalid_type' && getIn(parsed.data, issue.path) === undefined && meant.has(issue.path.map(String).join('.'))))
    .map((issue) => issueToDiagnostic(issue, file, parsed, schema));
}

/** Turns a Zod issue into a located, friendly diagnostic naming the field and the bad value. */
export function issueToDiagnostic(issue: Issue, file: string, parsed: Pick<ParsedFile, 'data' | 'locate'>, schema: z.ZodType): Diagnostic {
  const field = issue.path.map(String).join('.');
  const value = getIn(parsed.data, issue.path);
  // A field that takes one of two shapes (an id, or an object): report what is wrong with the shape the author wrote.
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const written = value !== null && typeof value === 'object' ? 'object' : typeof value;
    const branch = issue.errors.find((issues) => !issues.some((i) => i.path.length === 0 && i.code === 'invalid_type' && i.expected !== written)) ?? issue.errors[0]!;
    const inner = branch[0];
    if (inner) return issueToDiagnostic({ ...inner, path: [...issue.path, ...inner.path] } as Issue, file, parsed, schema);
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const known = knownKeys(schema, issue.path);
    const where = parsed.locate([...issue.path, key], 'key');
    const list = issue.keys.map((k) => `"${k}"`).join(', ');
    return {
      severity: 'error', code: 'unknown-field', file, ...where,
      message: `unknown field ${list}${field ? ` in ${field}` : ''}${didYouMean(key, known)}; known fields: ${known.join(', ')}`,
    };
  }
  const where = parsed.locate(issue.path, value === undefined ? 'key' : 'value');
  if (value === undefined && issue.code === 'invalid_type') {
    return { severity: 'error', code: 'missing-field', file, ...where, message: `missing required field "${field}"` };
  }
  const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  let message = issue.message;
  if (issue.code === 'invalid_value' && 'values' in issue && typeof value === 'string') {
    message += didYouMean(value, issue.values.map(String));
  }
  return { severity: 'error', code: 'invalid-field', file, ...where, message: `"${field}" ${message}${shown}` };
}

function getIn(data: unknown, keys: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Field names the schema accepts at `path` (array indices skipped), for suggestions. */
function knownKeys(schema: z.ZodType, keys: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let current = s as { def?: { type?: string; innerType?: unknown; element?: unknown; in?: unknown } };
    while (current?.def && ['optional', 'default', 'nullable', 'pipe', 'array'].includes(current.def.type ?? '')) {
      current = (current.def.innerType ?? current.def.element ?? current.def.in) as typeof current;
    }
    return current;
  };
  for (const key of keys) {
    node = unwrap(node);
    if (typeof key === 'number') continue;
    const shape = (node as { shape?: Record<string, unknown> }).shape;
    node = shape?.[key as string];
  }
  node = unwrap(node);
  return Object.keys((node as { shape?: Record<string, unknown> }).shape ?? {});
}

