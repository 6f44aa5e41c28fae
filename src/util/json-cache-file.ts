/**
 * A build cache kept as one JSON file of entries by key, stamped with the
 * versions of whatever produced them: a file from other versions reads as empty.
 * One file, not one per entry: a thousand bodies load in one read. A file cut short
 * (a CI cache restored half-way, a full disk) does not parse, and reads as empty too:
 * the build redoes the work rather than trust part of it.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './write-atomic.ts';

interface CacheFile<T> {
  versions: string;
  entries: Record<string, T>;
}

export function readCacheFile<T>(file: string, versions: string): Map<string, T> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile<T>;
    if (parsed.versions === versions && parsed.entries && typeof parsed.entries === 'object') return new Map(Object.entries(parsed.entries));
  } catch {
    // Missing or unreadable: start empty.
  }
  return new Map();
}

/** Replaces the file atomically (write, then rename), so a crash never leaves half a cache. */
export function writeCacheFile<T>(file: string, versions: string, entries: Iterable<readonly [string, T]>): void {
  writeFileAtomic(file, JSON.stringify({ versions, entries: Object.fromEntries(entries) } satisfies CacheFile<T>));
}

/**
 * `writeCacheFile`, skipped when the file already holds exactly these keys: entries are
 * content-addressed (a key is a hash of its input), so the same keys are the same file.
 * A rebuild after one edit then rewrites only what it changed, not tens of megabytes.
 */
export function updateCacheFile<T>(file: string, versions: string, previous: ReadonlyMap<string, T>, entries: readonly (readonly [string, T])[]): void {
  const keys = new Set(entries.map(([key]) => key));
  if (keys.size === previous.size && [...keys].every((key) => previous.has(key))) return;
  writeCacheFile(file, versions, entries);
}
