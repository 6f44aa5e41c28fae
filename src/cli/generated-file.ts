/**
 * A file the project generates and commits (`npm run schemas`, `npm run wasm`):
 * written when it differs from what is generated now, or, with `--check`, only
 * reported as out of date.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface GeneratedFile {
  /** Where it goes. */
  file: string;
  /** The name printed for it. */
  shownAs: string;
  contents: string | Uint8Array;
}

/** Brings the file up to date, or with `checkOnly` just compares; false when it is out of date and was left so. */
export function updateGeneratedFile({ file, shownAs, contents }: GeneratedFile, { checkOnly, command }: { checkOnly: boolean; command: string }): boolean {
  let current: Buffer | undefined;
  try {
    current = readFileSync(file);
  } catch {
    current = undefined;
  }
  if (current?.equals(typeof contents === 'string' ? Buffer.from(contents) : contents)) {
    console.log(`${shownAs} is up to date`);
    return true;
  }
  if (checkOnly) {
    console.error(`${shownAs} is out of date: run ${command}`);
    return false;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, contents);
  console.log(`wrote ${shownAs}`);
  return true;
}
