/**
 * png.ts: the PNG a card is published as. Its scanlines come from png-rows.wasm,
 * so the bytes are held to scanlines built here one byte at a time, and decoded
 * by a real decoder (sharp/libspng).
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { compileWat, WASM_SOURCES } from '../../src/cli/wasm.ts';
import { encodePixels, encodePng } from '../../src/pipeline/cards/png.ts';

/** Pixels no two of which are alike in a row, and never in a pattern of four. */
function pixels(width: number, height: number, seed: number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  let state = seed;
  for (let i = 0; i < data.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    data[i] = i % 4 === 3 ? 255 : state >>> 24;
  }
  return data;
}

/** PNG scanlines as the specification has them: a filter byte 0, then each pixel's red, green and blue. */
function referenceScanlines(rgba: Uint8ClampedArray, width: number, height: number): Buffer {
  const out: number[] = [];
  for (let y = 0; y < height; y++) {
    out.push(0);
    for (let x = 0; x < width; x++) out.push(...rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 3));
  }
  return Buffer.from(out);
}

/** The chunks of a PNG, by type. */
function chunks(png: Buffer): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    found.set(png.toString('latin1', at + 4, at + 8), png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return found;
}

describe('encodePng', () => {
  // Widths that are and are not a multiple of the four pixels the WebAssembly shuffles at once;
  // sizes up and down, so a grown memory holding a bigger image's bytes is reused; images of
  // several 256 KiB strips of rows, the last one short (1200×630: 12 strips; 1001×300: 5).
  const sizes = [[1200, 630], [1, 1], [3, 2], [5, 7], [6, 3], [8, 1], [13, 11], [1200, 630], [1001, 300], [2, 300]] as const;

  test.each(sizes)('%i×%i: its scanlines are the pixels, row by row, alpha dropped', (width, height) => {
    const rgba = pixels(width, height, width * 31 + height);
    const png = encodePng(rgba, width, height);
    const parts = chunks(png);
    expect([...parts.keys()]).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(inflateSync(parts.get('IDAT')!).equals(referenceScanlines(rgba, width, height))).toBe(true);
  });

  test('a real decoder reads back the pixels', async () => {
    const [width, height] = [37, 19];
    const rgba = pixels(width, height, 7);
    const { data, info } = await sharp(encodePng(rgba, width, height)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([width, height, 3]);
    const rgb = Buffer.from(Array.from({ length: width * height }, (_, p) => [...rgba.subarray(p * 4, p * 4 + 3)]).flat());
    expect(data.equals(rgb)).toBe(true);
  });

  test('each band a source gives is released once copied; pixels given whole are left whole', () => {
    const [width, height] = [600, 300]; // 240 KiB a band of 109 rows: three bands
    const rgba = pixels(width, height, 3);
    const released: [number, number][] = [];
    const bands = new Map<Uint8Array | Uint8ClampedArray, number>();
    const png = encodePixels({
      width,
      height,
      rows: (y, count) => {
        const band = rgba.slice(y * width * 4, (y + count) * width * 4);
        bands.set(band, y);
        return band;
      },
      release: (band) => released.push([bands.get(band)!, band.length]),
    });
    expect(released).toEqual([[0, 109 * width * 4], [109, 109 * width * 4], [218, 82 * width * 4]]);
    expect(png.equals(encodePng(rgba, width, height))).toBe(true);
    expect(rgba.length).toBe(width * height * 4);
    expect(encodePng(rgba, width, height).equals(png)).toBe(true);
  });

  test('refuses pixels that are not width × height × 4 bytes', () => {
    expect(() => encodePng(new Uint8ClampedArray(10), 2, 2)).toThrow('encodePng: 10 bytes for 2×2 RGBA');
  });
});

describe('png-rows.wasm', () => {
  test('is the committed compilation of png-rows.wat (npm run wasm)', async () => {
    for (const { wat, wasm } of WASM_SOURCES) expect((await compileWat(wat)).equals(readFileSync(wasm)), `${wasm} is out of date: run npm run wasm`).toBe(true);
  });
});
