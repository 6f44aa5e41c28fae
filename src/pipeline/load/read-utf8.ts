/**
 * Content files are UTF-8. A file saved in another encoding (Windows-1252, Latin-1,
 * UTF-16) must not be read with replacement characters, which would publish "�"
 * for every accented letter; it is refused, at the first byte that is not UTF-8.
 * A UTF-8 byte order mark is valid UTF-8 and stays accepted (frontmatter.ts drops it).
 */
import { readFileSync } from 'node:fs';

const strict = new TextDecoder('utf-8', { fatal: true });

export type Utf8Read = { ok: true; text: string } | { ok: false; line: number; column: number; byte: number; offset: number };

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence
 * (Unicode 15, table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length of the sequence and the allowed range of its second byte.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      // A truncated or broken sequence: the lead byte is where the text stops being UTF-8.
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** Decodes `bytes` as UTF-8, or says where (1-based line and column, as an editor counts them) it stops being UTF-8. */
export function decodeUtf8(bytes: Uint8Array): Utf8Read {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    // Everything before the bad byte is valid UTF-8, so it can be decoded to count lines and columns.
    const before = strict.decode(bytes.subarray(0, Math.max(offset, 0))).replace(/^\uFEFF/, '');
    const lineStart = before.lastIndexOf('\n') + 1;
    return { ok: false, line: before.split('\n').length, column: before.length - lineStart + 1, byte: bytes[offset] ?? 0, offset };
  }
}

export function readUtf8File(file: string): Utf8Read {
  return decodeUtf8(readFileSync(file));
}
