/** The WebAssembly the build runs, compiled from its text form (scripts/wasm.ts, tests/unit/png.test.ts). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const cards = path.resolve(import.meta.dirname, '../pipeline/cards');

/** Each module's source and the committed binary compiled from it. */
export const WASM_SOURCES = [{ wat: path.join(cards, 'png-rows.wat'), wasm: path.join(cards, 'png-rows.wasm') }];

/** The binary of a `.wat` file. wabt is a dev dependency: only this compiler needs it, never a build. */
export async function compileWat(file: string): Promise<Buffer> {
  const { default: wabtInit } = await import('wabt');
  const wabt = await wabtInit();
  const module = wabt.parseWat(path.basename(file), readFileSync(file, 'utf8'), { simd: true });
  try {
    return Buffer.from(module.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    module.destroy();
  }
}
