/**
 * PNG encoding of a card's pixels: 8-bit RGB, no row filter, zlib level 2.
 *
 * Written here on node:zlib because the encoders at hand cost more than the
 * drawing (bench/RESULTS.md, "Card CPU", 1200×630 cards): sharp/libvips 9–15 ms,
 * pngjs 40–70 ms, Skia's own encoder 24–29 ms, @napi-rs/image 2.6 ms but 157 KiB
 * (no zlib level to choose); this one about 5 ms for PNGs as small as sharp's
 * at level 4 (66 KiB on average). Cards are flat colour and anti-aliased
 * text, where row filters cost time and win little.
 */
import { crc32, deflateSync } from 'node:zlib';

/** Decides the bytes, so it is part of every card's cache key (cache.ts). */
export const PNG_ENCODING = { format: 'rgb8', filter: 'none', zlibLevel: 2 } as const;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

// One buffer for the rows of every card: a new 2 MB buffer a card costs more in
// fresh pages the kernel must zero than the copying into it.
let rowsBuffer = Buffer.alloc(0);
const rowBuffer = (size: number) => (rowsBuffer.length >= size ? rowsBuffer : (rowsBuffer = Buffer.allocUnsafe(size))).subarray(0, size);

/**
 * The pixels as 32-bit words with red in the low byte: one read a pixel instead
 * of three, about a fifth faster.
 */
function pixelWords(rgba: Uint8Array | Uint8ClampedArray): Uint32Array {
  if (LITTLE_ENDIAN) {
    const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba);
    return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
  }
  const words = new Uint32Array(rgba.length / 4);
  for (let p = 0, i = 0; p < words.length; p++, i += 4) words[p] = rgba[i]! | (rgba[i + 1]! << 8) | (rgba[i + 2]! << 16);
  return words;
}
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * One row of RGBA words as RGB bytes, four pixels into three words at a time: a
 * quarter of the memory writes of a byte at a time (1.28 → 0.88 ms a card). The
 * row is packed into an aligned buffer first, since the filter byte before each
 * PNG row leaves the rows themselves off the 4-byte grid.
 */
let packed = new Uint32Array(0);
function packRow(pixels: Uint32Array, start: number, width: number): Uint8Array {
  const words = (width * 3 + 3) >> 2;
  if (packed.length < words) packed = new Uint32Array(words);
  // The words' byte order is the machine's: on a big-endian one, a byte at a time.
  const whole = LITTLE_ENDIAN ? width & ~3 : 0;
  let k = 0;
  let p = start;
  for (const end = start + whole; p < end; p += 4, k += 3) {
    const a = pixels[p]! & 0xffffff;
    const b = pixels[p + 1]! & 0xffffff;
    const c = pixels[p + 2]! & 0xffffff;
    const d = pixels[p + 3]! & 0xffffff;
    packed[k] = a | (b << 24);
    packed[k + 1] = (b >>> 8) | (c << 16);
    packed[k + 2] = (c >>> 16) | (d << 8);
  }
  const bytes = new Uint8Array(packed.buffer, 0, width * 3);
  for (let j = whole * 3; p < start + width; p++, j += 3) {
    const word = pixels[p]!;
    bytes[j] = word & 0xff;
    bytes[j + 1] = (word >>> 8) & 0xff;
    bytes[j + 2] = (word >>> 16) & 0xff;
  }
  return bytes;
}

/** RGBA pixels (alpha dropped: cards are opaque) → PNG. */
export function encodePng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes for ${width}×${height} RGBA`);
  const stride = width * 3 + 1;
  const rows = rowBuffer(stride * height);
  const pixels = pixelWords(rgba);
  for (let y = 0; y < height; y++) {
    rows[y * stride] = 0; // filter type: none
    rows.set(packRow(pixels, y * width, width), y * stride + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits a channel
  header[9] = 2; // colour type: RGB
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: PNG_ENCODING.zlibLevel })), chunk('IEND', Buffer.alloc(0))]);
}
