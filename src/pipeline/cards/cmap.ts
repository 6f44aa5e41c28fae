/**
 * A font file's own character map: which code points it has a glyph for. The
 * @fontsource CSS `unicode-range` of a subset says which characters the subset
 * is *meant* for, not which it has (Inter's latin range lists U+FFFD, its cmap
 * has no glyph for it), so coverage is decided here, from the cmap, and the
 * range only narrows which files are worth opening.
 */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkitten';
import { woffToSfnt } from './woff.ts';

const maps = new Map<string, ReadonlySet<number>>();

/** The code points `file` (TTF, OTF or WOFF) maps to a glyph; parsed once per process. */
export function characterMap(file: string): ReadonlySet<number> {
  let map = maps.get(file);
  if (!map) {
    const data = readFileSync(file);
    // Read as sfnt: see woff.ts for why.
    const font = create(data.readUInt32BE(0) === 0x774f4646 ? woffToSfnt(data) : data) as Font;
    map = new Set(font.characterSet);
    maps.set(file, map);
  }
  return map;
}
