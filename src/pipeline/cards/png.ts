/**
 * PNG encoding of a card's pixels: 8-bit RGB, no row filter, zlib level 2.
 *
 * Written here on node:zlib because the encoders at hand cost more than the
 * drawing (bench/RESULTS.md, "Card CPU", 1200×630 cards): sharp/libvips 9–15 ms,
 * pngjs 40–70 ms, Skia's own encoder 24–29 ms, @napi-rs/image 2.6 ms but 157 KiB
 * (no zlib level to choose); this one about 2.9 ms (deflate 2 ms of it, the
 * scanlines 0.5 ms in WebAssembly: png-rows.wat) for PNGs as small as sharp's
 * at level 4 (64–66 KiB on average). Cards are flat colour and anti-aliased
 * text, where row filters cost time and win little.
 */
import { readFileSync } from 'node:fs';
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

/** An image's RGBA pixels (8 bits a channel, not premultiplied), read a band of rows at a time as they are encoded. */
export interface PixelSource {
  width: number;
  height: number;
  /** `count` rows from row `y`: `count × width × 4` bytes. */
  rows(y: number, count: number): Uint8Array | Uint8ClampedArray;
  /** Called with each band `rows` gave once the encoder has copied it: a source that made the band for it may free it. */
  release?(band: Uint8Array | Uint8ClampedArray): void;
}

/** Pixels already in one buffer, as a source. */
export const pixelBuffer = (rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): PixelSource => {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes for ${width}×${height} RGBA`);
  return { width, height, rows: (y, count) => rgba.subarray(y * width * 4, (y + count) * width * 4) };
};

/**
 * The scanlines are written by png-rows.wasm (see png-rows.wat for why), in its
 * own memory: the pixels are read into it a strip of rows at a time, small
 * enough to stay in the core's cache until they are read again, and the
 * scanlines read out by deflate where they lie. Strips of 256 KiB against the
 * whole 3 MB at once, with two workers side by side: 0.12–0.14 ms a card less;
 * read off the canvas by the strip too (raster.ts), 0.12–0.14 ms more. One memory
 * for every card, grown once: a new 5 MB buffer a card costs more in fresh pages
 * the kernel must zero than the copying.
 */
interface PngRows { memory: WebAssembly.Memory; scanlines(src: number, dst: number, width: number, height: number): void }
let pngRows: PngRows | undefined;
const STRIP_BYTES = 256 * 1024;
function scanlinesOf({ width, height, rows, release }: PixelSource): Buffer {
  pngRows ??= new WebAssembly.Instance(new WebAssembly.Module(readFileSync(new URL('./png-rows.wasm', import.meta.url)))).exports as unknown as PngRows;
  const { memory, scanlines } = pngRows;
  const rowBytes = width * 4;
  const stripRows = Math.max(1, Math.floor(STRIP_BYTES / rowBytes));
  const stripBytes = stripRows * rowBytes;
  const stride = width * 3 + 1;
  // A strip of pixels, then the scanlines, then the 4 bytes scanlines() may write past them.
  const needed = stripBytes + stride * height + 4;
  if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
  const pixels = new Uint8Array(memory.buffer, 0, stripBytes);
  for (let y = 0; y < height; y += stripRows) {
    const count = Math.min(stripRows, height - y);
    const strip = rows(y, count);
    if (strip.length !== count * rowBytes) throw new Error(`encodePng: ${strip.length} bytes for ${count} rows of ${width} RGBA pixels`);
    pixels.set(strip);
    release?.(strip);
    // A strip's last store may run 4 bytes into the next row's scanline, which the next strip then writes.
    scanlines(0, stripBytes + y * stride, width, count);
  }
  return Buffer.from(memory.buffer, stripBytes, stride * height);
}

/** RGBA pixels (alpha dropped: cards are opaque) → PNG. */
export function encodePixels(source: PixelSource): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(source.width, 0);
  header.writeUInt32BE(source.height, 4);
  header[8] = 8; // bits a channel
  header[9] = 2; // colour type: RGB
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(scanlinesOf(source), { level: PNG_ENCODING.zlibLevel })), chunk('IEND', Buffer.alloc(0))]);
}

/** RGBA pixels in one buffer → PNG. */
export const encodePng = (rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer => encodePixels(pixelBuffer(rgba, width, height));
