/**
 * Writes a file whole or not at all. The bytes go to a temporary file in the
 * target's own folder (a rename is atomic only within one file system), which is
 * then renamed over the target: a reader, or the next build after a crash or a
 * full disk, sees the old file or the new one, never a part of either. What a
 * failure leaves is a stray `*.tmp` file that nothing reads.
 *
 * The build's caches write through this one function. No flush to the disk
 * before the rename: after a power cut a file may still come back empty, which
 * both kinds of cache detect (the card cache checks each card's hash, a JSON
 * cache that does not parse reads as empty).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

let written = 0;

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Unique across the processes and threads that may write one cache at once.
  const temporary = `${file}.${process.pid}.${threadId}.${++written}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
