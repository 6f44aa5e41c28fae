import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, relative) : [relative];
  });
}

/** `import x from`, `import 'x'` and `export … from`, but not `import type` / `export type`. */
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The relative modules a file imports for their values (`import type` left out), resolved to absolute paths. */
export function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(VALUE_IMPORT), ...source.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]!);
  return specifiers.map((s) => path.resolve(path.dirname(file), s)).filter((f) => existsSync(f));
}
