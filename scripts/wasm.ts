/**
 * `npm run wasm`: compiles src/pipeline/cards/png-rows.wat into png-rows.wasm
 * beside it (with wabt, the WebAssembly Binary Toolkit). The binary is
 * committed, so a build needs no compiler; `npm run wasm -- --check` only
 * compares and exits 1 when the committed binary is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compileWat, WASM_SOURCES } from '../src/cli/wasm.ts';

const checkOnly = process.argv.includes('--check');
let stale = 0;
for (const { wat, wasm } of WASM_SOURCES) {
  const binary = await compileWat(wat);
  let current: Buffer | undefined;
  try {
    current = readFileSync(wasm);
  } catch {
    current = undefined;
  }
  if (current?.equals(binary)) console.log(`${wasm} is up to date`);
  else if (checkOnly) {
    console.error(`${wasm} is out of date: run npm run wasm`);
    stale++;
  } else {
    writeFileSync(wasm, binary);
    console.log(`wrote ${wasm} (${binary.length} bytes)`);
  }
}
process.exitCode = stale ? 1 : 0;
