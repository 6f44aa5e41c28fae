/**
 * A file's identity as a cache records it once its bytes were checked: inode, size and
 * modification time. Any write moves the time, a cut changes the size, and a copy
 * restored from a CI cache is a new inode, so a file with the recorded identity is the
 * checked file and need not be hashed again. The one change it cannot see is a rewrite
 * in place at the same size with its time deliberately put back.
 */
import { readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from './write-atomic.ts';

export type Identity = [inode: number, size: number, mtimeMs: number];

export const identityOf = (file: string): Identity | undefined => {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat && [stat.ino, stat.size, stat.mtimeMs];
};

export const sameIdentity = (a: Identity | undefined, b: Identity | undefined): boolean =>
  Boolean(a && b && a.every((value, i) => value === b[i]));

const isIdentity = (value: unknown): value is Identity => Array.isArray(value) && value.length === 3 && value.every(Number.isFinite);

/** A JSON record of `file → entry`, keeping the entries `valid` accepts; one that is missing or does not parse is no record. */
function readRecord<T>(file: string, valid: (entry: unknown) => entry is T): Map<string, T> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).filter((e): e is [string, T] => valid(e[1])));
  } catch {
    return new Map();
  }
}

const writeRecord = (file: string, entries: Iterable<readonly [string, unknown]>) => writeFileAtomic(file, JSON.stringify(Object.fromEntries(entries)));

/** A record written by `writeIdentities`. */
export const readIdentities = (file: string): Map<string, Identity> => readRecord(file, isIdentity);

export const writeIdentities = (file: string, identities: Iterable<readonly [string, Identity]>): void => writeRecord(file, identities);

/** A file's identity with what was found in it when it was read: its sha256, or whatever its cache notes. */
export type Checked = [...Identity, string];

const isChecked = (value: unknown): value is Checked => Array.isArray(value) && value.length === 4 && isIdentity(value.slice(0, 3)) && typeof value[3] === 'string';

/** A record written by `writeChecked`. */
export const readChecked = (file: string): Map<string, Checked> => readRecord(file, isChecked);

export const writeChecked = (file: string, entries: Iterable<readonly [string, Checked]>): void => writeRecord(file, entries);

/** What `checked` found, if the file is still exactly that file (`id` is its identity now); undefined otherwise. */
export const foundIfUnchanged = (id: Identity | undefined, checked: Checked | undefined): string | undefined =>
  checked && sameIdentity(id, checked.slice(0, 3) as Identity) ? checked[3] : undefined;
