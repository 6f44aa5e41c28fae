/**
 * The card cache on disk, laid out so that a damaged entry is never published.
 *
 * An entry is one PNG, `<cacheDir>/<first two characters of the key>/<key>.<sha256
 * of the PNG>.png`: the key (cache.ts) says what the card shows, the digest what
 * its bytes must hash to. Both appear together, by one rename (util/write-atomic.ts),
 * with nothing beside them that could get out of step, so cache folders rendered
 * on several machines merge by copying their files. Before an entry is reused its
 * bytes are hashed again: one that is empty, cut short or altered (a CI cache
 * restored half-way, a full disk, a tool rewriting a published PNG through its
 * hard link) fails the check, and its card is rendered anew.
 *
 * Hashing every entry again cost 17 s a build at 66,000 cards, so a build records
 * what it published in `verified.json`: each entry's inode, size and modification
 * time as it left them. An entry that is still exactly that file is not hashed
 * again; any write to it (which moves its time), a cut, or a copy restored from a
 * CI cache (a new inode) sends it back through the hash. A record that does not
 * parse is no record: every entry is hashed.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { identityOf, readIdentities, sameIdentity, writeIdentities, type Identity } from '../../util/file-identity.ts';
import { sha256 } from '../../util/sha256.ts';
import { writeFileAtomic } from '../../util/write-atomic.ts';

/** `<32 hex key>.<64 hex sha256>.png`; anything else in the folder (temporary files, an older layout) is no entry. */
const ENTRY_NAME = /^([0-9a-f]{32})\.([0-9a-f]{64})\.png$/;

export const entryFileFor = (cacheDir: string, key: string, digest: string) => path.join(cacheDir, key.slice(0, 2), `${key}.${digest}.png`);

/** Writes a card's PNG as the entry for `key` and returns its file. */
export function writeCardEntry(cacheDir: string, key: string, png: Uint8Array): string {
  const file = entryFileFor(cacheDir, key, sha256(png));
  // A damaged file under the same name is replaced whole, never rewritten in place.
  writeFileAtomic(file, png);
  return file;
}

export type Lookup =
  | { file: string }
  /** `damaged`: there were entries for the key, and none of them passed the check. */
  | { file?: undefined; damaged: boolean };

export interface CardStore {
  /** A verified entry for `key`, if there is one. */
  lookup(key: string): Lookup;
}

const VERIFIED = 'verified.json';

/** Records the entries a build published, as it leaves them (after touchEntry), for the next build's lookups. */
export function recordVerified(cacheDir: string, identities: ReadonlyMap<string, Identity>): void {
  writeIdentities(path.join(cacheDir, VERIFIED), [...identities].map(([file, id]) => [path.relative(cacheDir, file), id] as const));
}

/** Lists the cache folder once; `lookup` then checks only the entries asked for. */
export function openCardStore(cacheDir: string): CardStore {
  const verified = readIdentities(path.join(cacheDir, VERIFIED));
  const unchangedSinceVerified = (file: string) => {
    const recorded = verified.get(path.relative(cacheDir, file));
    return Boolean(recorded) && sameIdentity(recorded, identityOf(file));
  };
  const entries = new Map<string, { file: string; digest: string }[]>();
  for (const shard of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    const dir = path.join(cacheDir, shard);
    if (shard.length !== 2 || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      const match = ENTRY_NAME.exec(name);
      if (!match) continue;
      const [, key, digest] = match as unknown as [string, string, string];
      const list = entries.get(key) ?? [];
      list.push({ file: path.join(dir, name), digest });
      entries.set(key, list);
    }
  }
  return {
    lookup(key) {
      const candidates = entries.get(key) ?? [];
      // Usually one; two when machines with different renderer builds shared the cache.
      for (const { file, digest } of candidates) if (unchangedSinceVerified(file) || holds(file, digest)) return { file };
      // A damaged file is left in place: the new render replaces it by rename when its bytes are
      // the same (they are, on the same renderer), and deleting it here could delete the repair
      // another build sharing this cache has just made. Unused, it is pruned like any entry.
      return { damaged: candidates.length > 0 };
    },
  };
}

function holds(file: string, digest: string): boolean {
  try {
    return sha256(readFileSync(file)) === digest;
  } catch {
    return false; // gone since the listing
  }
}

/** Marks an entry as used now, for pruning. */
export const touchEntry = (file: string, now: Date) => utimesSync(file, now, now);

/** Drops whatever no build has used since `olderThan` (entries, damaged ones, stray temporary files), so the cache does not grow forever. */
export function pruneCardStore(cacheDir: string, olderThan: number): void {
  if (!existsSync(cacheDir)) return;
  for (const shard of readdirSync(cacheDir)) {
    const dir = path.join(cacheDir, shard);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      // Another build sharing the cache may have renamed a temporary file away meanwhile.
      const stat = statSync(file, { throwIfNoEntry: false });
      if (stat && stat.mtimeMs < olderThan) rmSync(file, { force: true });
    }
  }
}
