/**
 * Parsed frontmatter kept across builds by a hash of its YAML text, so a rebuild
 * after one edit runs the YAML parser on one file, not eleven thousand (it was 40%
 * of the content check at N=10,000). Only the data is kept: positions for a
 * diagnostic come from parsing that file again, and only when a problem is reported
 * (frontmatter.ts). Data JSON cannot carry whole (`.inf`, `.nan`, `-0`, an object an
 * alias repeats) is never kept, so a cached result is always the parser's own. Like the other JSON caches,
 * a file cut short or from other versions reads as empty.
 */
import { createHash } from 'node:crypto';
import { readCacheFile, updateCacheFile } from '../../util/json-cache-file.ts';
import { packageVersions } from '../../util/package-versions.ts';

/** Bump when what parseFrontmatterFile makes of the same YAML changes. */
const FRONTMATTER_VERSION = 1;

export interface FrontmatterCache {
  /** The data of this YAML text as parsed by an earlier run, if it was kept. */
  get(yaml: string): unknown;
  /** Keeps what this YAML text parsed to (without errors). */
  set(yaml: string, data: unknown): void;
  /** Writes the entries this run used (and only those), unless they are the ones already there. */
  save(): void;
}

const keyOf = (yaml: string) => createHash('sha256').update(yaml).digest('base64url');

/**
 * True when JSON gives `value` back exactly: plain strings, finite numbers (not -0),
 * booleans, null, arrays and objects, each object reached once. YAML aliases can make
 * one object appear twice, or inside itself, which JSON would copy or never finish.
 */
function survivesJson(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.every((item) => survivesJson(item, seen));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value as Record<string, unknown>).every(([key, item]) => key !== '__proto__' && survivesJson(item, seen));
}

export function openFrontmatterCache(file: string): FrontmatterCache {
  const stamp = `frontmatter@${FRONTMATTER_VERSION} ${packageVersions(['yaml'])}`;
  const cached = readCacheFile<unknown>(file, stamp);
  const used = new Map<string, unknown>();
  return {
    get(yaml) {
      const key = keyOf(yaml);
      if (!cached.has(key)) return undefined;
      const data = cached.get(key);
      used.set(key, data);
      // A copy: the caller's data is its own, as a fresh parse would be.
      return structuredClone(data);
    },
    set(yaml, data) {
      if (survivesJson(data)) used.set(keyOf(yaml), structuredClone(data));
    },
    save() {
      updateCacheFile(file, stamp, cached, [...used]);
    },
  };
}
