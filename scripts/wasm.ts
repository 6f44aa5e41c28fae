/**
 * `npm run wasm`: compiles src/pipeline/cards/png-rows.wat into png-rows.wasm
 * beside it (with wabt, the WebAssembly Binary Toolkit). The binary is
 * committed, so a build needs no compiler; `npm run wasm -- --check` only
 * compares and exits 1 when the committed binary is out of date.
 */
import path from 'node:path';
import { updateGeneratedFile } from '../src/cli/generated-file.ts';
import { compileWat, WASM_SOURCES } from '../src/cli/wasm.ts';

const root = path.resolve(import.meta.dirname, '..');
const checkOnly = process.argv.includes('--check');
let stale = 0;
for (const { wat, wasm } of WASM_SOURCES) {
  if (!updateGeneratedFile({ file: wasm, shownAs: path.relative(root, wasm), contents: await compileWat(wat) }, { checkOnly, command: 'npm run wasm' })) stale++;
}
process.exitCode = stale ? 1 : 0;
