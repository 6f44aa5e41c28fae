import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** A built file's bytes, with the gunzipped bytes after them when it is gzip data (as search-index fragments are). */
export function readOutput(file: string): Buffer {
  const bytes = readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return Buffer.concat([bytes, gunzipSync(bytes)]);
  } catch {
    return bytes;
  }
}
