import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/** Every file under `dir`, as paths relative to it. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? listFiles(dir, relative) : [relative];
  });
}

/** Files that differ between two output folders `a` and `b` (named `names`), with the first difference of a few. */
export function differences(a: string, b: string, names: [string, string] = ['the incremental build', 'the full build']): string[] {
  const digest = (dir: string) => new Map(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));
  const [x, y] = [digest(a), digest(b)];
  const report = [
    ...[...x.keys()].filter((f) => !y.has(f)).map((f) => `only in ${names[0]}: ${f}`),
    ...[...y.keys()].filter((f) => !x.has(f)).map((f) => `only in ${names[1]}: ${f}`),
  ];
  const changed = [...x.keys()].filter((f) => y.has(f) && x.get(f) !== y.get(f));
  for (const file of changed.slice(0, 5)) {
    const [p, q] = [readFileSync(path.join(a, file), 'utf8'), readFileSync(path.join(b, file), 'utf8')];
    let i = 0;
    while (i < p.length && p[i] === q[i]) i++;
    const [left, right] = names.map((n) => `${n}:`.padEnd(Math.max(...names.map((m) => m.length)) + 2));
    report.push(`differs: ${file} at ${i}:\n  ${left}${JSON.stringify(p.slice(Math.max(0, i - 80), i + 80))}\n  ${right}${JSON.stringify(q.slice(Math.max(0, i - 80), i + 80))}`);
  }
  report.push(...changed.slice(5).map((f) => `differs: ${f}`));
  return report;
}

/**
 * What is wrong with a PNG file, or [] when it is whole: the signature, then
 * chunks each with a matching CRC, IHDR first and IEND last with nothing after
 * it. A file cut short, emptied or with any byte changed fails one of these.
 */
export function pngProblems(png: Buffer): string[] {
  const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < SIGNATURE.length || !png.subarray(0, 8).equals(SIGNATURE)) return [`no PNG signature (${png.length} bytes)`];
  const types: string[] = [];
  let at = 8;
  while (at < png.length) {
    if (at + 12 > png.length) return [`cut short in a chunk header at byte ${at}`];
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > png.length) return [`chunk ${types.length + 1} runs past the end of the file`];
    const type = png.subarray(at + 4, at + 8);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(at + 8 + length)) return [`chunk ${type.toString('latin1')} at byte ${at} fails its CRC`];
    types.push(type.toString('latin1'));
    at = end;
    if (types.at(-1) === 'IEND') break;
  }
  const problems: string[] = [];
  if (types[0] !== 'IHDR') problems.push('the first chunk is not IHDR');
  if (types.at(-1) !== 'IEND') problems.push('no IEND chunk at the end');
  if (at !== png.length) problems.push(`${png.length - at} bytes after IEND`);
  return problems;
}
