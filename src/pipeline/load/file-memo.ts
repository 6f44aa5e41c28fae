/**
 * What the dev server remembers of each content file between reloads: its text and what
 * loading it gave (frontmatter, schema result, body analysis and their diagnostics), so a
 * reload after one edit reads and parses that file, not a thousand (load-content.ts).
 *
 * A file's text is read again whenever its stat (size, modification and change times,
 * inode) differs from the one it was read with, and also while its modification time is
 * too close to that read to be trusted: a filesystem's clock can be coarse (a few ms on
 * Linux, 2 s on FAT), so an edit in the same tick as the read could leave the stat as it
 * was (git calls such entries "racily clean"). What was loaded from a file is reused only
 * while its text is exactly the same, so a renamed, deleted or rewritten file is never
 * served from memory: the memo can only save work, never change a result.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';

/** How close to its read a modification time must be for the stat not to vouch for the text. */
const RACY_MS = 2000;

const stampOf = (stat: Stats) => `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;

interface Entry<O> {
  stamp: string;
  /** Wall-clock ms when the text was read. */
  readAt: number;
  mtimeMs: number;
  text: string;
  /** What loading this text gave, once it has been loaded. */
  outcome?: O;
}

export class FileMemo<O> {
  #entries = new Map<string, Entry<O>>();
  /** Files read since the last `sweep`: the rest are gone (deleted, renamed) and forgotten. */
  #seen = new Set<string>();
  /** What the outcomes depend on besides the text (project root, options); a change forgets everything. */
  #setting: string | undefined;

  /** Forgets every outcome when `setting` differs from the one they were computed under. */
  settle(setting: string): void {
    if (this.#setting !== setting) this.#entries.clear();
    this.#setting = setting;
  }

  /** The file's current text, from memory when its stat vouches for it. */
  read(absolute: string): string {
    this.#seen.add(absolute);
    const stat = statSync(absolute);
    const stamp = stampOf(stat);
    const entry = this.#entries.get(absolute);
    if (entry && entry.stamp === stamp && entry.mtimeMs < entry.readAt - RACY_MS) return entry.text;
    const readAt = Date.now();
    const text = readFileSync(absolute, 'utf8');
    if (entry && entry.text === text) Object.assign(entry, { stamp, readAt, mtimeMs: stat.mtimeMs });
    else this.#entries.set(absolute, { stamp, readAt, mtimeMs: stat.mtimeMs, text });
    return text;
  }

  /** What loading `text` gave last time, if the file still holds exactly that text. */
  recall(absolute: string, text: string): O | undefined {
    const entry = this.#entries.get(absolute);
    return entry?.text === text ? entry.outcome : undefined;
  }

  remember(absolute: string, text: string, outcome: O): void {
    const entry = this.#entries.get(absolute);
    if (entry?.text === text) entry.outcome = outcome;
  }

  /** Drops the files not read since the last sweep. */
  sweep(): void {
    for (const absolute of this.#entries.keys()) if (!this.#seen.has(absolute)) this.#entries.delete(absolute);
    this.#seen.clear();
  }
}
