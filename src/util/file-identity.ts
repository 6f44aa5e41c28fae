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

/** A record written by `writeIdentities`; one that is missing or does not parse is no record. */
export function readIdentities(file: string): Map<string, Identity> {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Identity>;
    return new Map(Object.entries(record).filter(([, id]) => Array.isArray(id) && id.length === 3 && id.every(Number.isFinite)));
  } catch {
    return new Map();
  }
}

export function writeIdentities(file: string, identities: Iterable<readonly [string, Identity]>): void {
  writeFileAtomic(file, JSON.stringify(Object.fromEntries(identities)));
}
