/**
 * SVG → PNG variants for share cards, on real planned cards: CPU a card (median of
 * --runs passes), PNG size, and the decoded pixels against the production output.
 *
 *   node bench/card-variants.ts [--cards 60] [--runs 3]
 */
import sharp from 'sharp';
import path from 'node:path';
import { planCards } from '../src/pipeline/cards/plan.ts';
import { renderCardSvg, svgToPng } from '../src/pipeline/cards/render.ts';
import { checkContent } from '../src/pipeline/content-check.ts';
import { generateCorpus, parseArgs, writeCorpus } from './generate.ts';
import { loadavg } from 'node:os';

const args = parseArgs(process.argv.slice(2));
const CARDS = Number(args.cards ?? 60);
const RUNS = Number(args.runs ?? 3);
const dir = path.resolve(import.meta.dirname, '.work/cards-corpus');
writeCorpus(generateCorpus({ briefings: 40, actors: 20, seed: 7 }), dir, 7);
const { model } = checkContent({ root: path.resolve(import.meta.dirname, '..'), contentDir: dir, today: '2026-01-01' });
const all = planCards(model, { name: 'Briefing Desk', tagline: 'Who said what, with sources.' });
const jobs = Array.from({ length: CARDS }, (_, i) => all[Math.floor((i * all.length) / CARDS)]!);
sharp.concurrency(Number(args.concurrency ?? 1));
sharp.cache(false);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const svgs: Buffer[] = [];
for (const job of jobs) svgs.push(Buffer.from(await renderCardSvg(job.content)));

function withoutUnusedMasks(svg: string): string {
  const used = new Set([...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]));
  return svg.replace(/<mask id="([^"]+)">.*?<\/mask>/g, (all, id) => (used.has(id) ? all : ''));
}
type Variant = (svg: Buffer) => Promise<Buffer>;
const variants: Record<string, Variant> = {
  current: (svg) => sharp(svg).removeAlpha().png({ compressionLevel: 4 }).toBuffer(),
  rasterOnlyRaw: (svg) => sharp(svg).removeAlpha().raw().toBuffer(),
  rasterOnlyRawRGBA: (svg) => sharp(svg).raw().toBuffer(),
  level1: (svg) => sharp(svg).removeAlpha().png({ compressionLevel: 1 }).toBuffer(),
  level2: (svg) => sharp(svg).removeAlpha().png({ compressionLevel: 2 }).toBuffer(),
  level3: (svg) => sharp(svg).removeAlpha().png({ compressionLevel: 3 }).toBuffer(),
  level4adaptive: (svg) => sharp(svg).removeAlpha().png({ compressionLevel: 4, adaptiveFiltering: true }).toBuffer(),
  level6: (svg) => sharp(svg).removeAlpha().png({ compressionLevel: 6 }).toBuffer(),
  palEff1: (svg) => sharp(svg).removeAlpha().png({ palette: true, effort: 1, compressionLevel: 4 }).toBuffer(),
  palEff1d0: (svg) => sharp(svg).removeAlpha().png({ palette: true, effort: 1, dither: 0, compressionLevel: 4 }).toBuffer(),
  palEff1q100: (svg) => sharp(svg).removeAlpha().png({ palette: true, effort: 1, quality: 100, compressionLevel: 4 }).toBuffer(),
  palEff1L1: (svg) => sharp(svg).removeAlpha().png({ palette: true, effort: 1, compressionLevel: 1 }).toBuffer(),
  palEff1L9: (svg) => sharp(svg).removeAlpha().png({ palette: true, effort: 1, compressionLevel: 9 }).toBuffer(),
  unlimited: (svg) => sharp(svg, { unlimited: true }).removeAlpha().png({ compressionLevel: 4 }).toBuffer(),
  noRemoveAlpha: (svg) => sharp(svg).png({ compressionLevel: 4 }).toBuffer(),
  flatten: (svg) => sharp(svg).flatten().png({ compressionLevel: 4 }).toBuffer(),
  noAlphaL1: (svg) => sharp(svg).png({ compressionLevel: 1 }).toBuffer(),
  noAlphaL2: (svg) => sharp(svg).png({ compressionLevel: 2 }).toBuffer(),
  noAlphaL3: (svg) => sharp(svg).png({ compressionLevel: 3 }).toBuffer(),
  // satori's <mask> elements that nothing refers to (it defines one for every box), removed: same pixels, less to parse.
  noMasks: (svg) => sharp(Buffer.from(withoutUnusedMasks(svg.toString()))).removeAlpha().png({ compressionLevel: 4 }).toBuffer(),
  extractBand: (svg) => sharp(svg).extractChannel(0).toColourspace('b-w').png({ compressionLevel: 4 }).toBuffer(),
};
const only = args.only ? String(args.only).split(',') : Object.keys(variants);

// Reference pixels: the production path.
const ref: Buffer[] = [];
for (const svg of svgs) ref.push(await sharp(await svgToPng(svg.toString())).removeAlpha().raw().toBuffer());

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${CARDS} cards, ${RUNS} runs (variants interleaved card by card), load before ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const name of only) for (const svg of svgs.slice(0, 3)) await variants[name]!(svg); // warm-up
const perRun = new Map(only.map((n) => [n, [] as number[]]));
const outs = new Map(only.map((n) => [n, [] as Buffer[]]));
for (let r = 0; r < RUNS; r++) {
  const acc = new Map(only.map((n) => [n, 0]));
  for (let i = 0; i < svgs.length; i++) {
    // rotate the order so that no variant always runs first
    for (let k = 0; k < only.length; k++) {
      const name = only[(i + k + r) % only.length]!;
      const t = cpu();
      const out = await variants[name]!(svgs[i]!);
      acc.set(name, acc.get(name)! + cpu() - t);
      if (r === 0) outs.get(name)!.push(out);
    }
  }
  for (const n of only) perRun.get(n)!.push(acc.get(n)! / CARDS);
}
for (const name of only) {
  let bytes = 0, maxBytes = 0, maxDiff = 0, sumDiff = 0, px = 0, diffPx = 0;
  const list = outs.get(name)!;
  if (!name.startsWith('raster') && name !== 'extractBand') {
    for (let i = 0; i < list.length; i++) {
      bytes += list[i]!.length; maxBytes = Math.max(maxBytes, list[i]!.length);
      const dec = await sharp(list[i]!).removeAlpha().raw().toBuffer();
      const r0 = ref[i]!;
      for (let j = 0; j < r0.length; j++) { const d = Math.abs(dec[j]! - r0[j]!); if (d) { diffPx++; sumDiff += d; if (d > maxDiff) maxDiff = d; } }
      px += r0.length;
    }
  }
  const runs = perRun.get(name)!;
  console.log(`${name.padEnd(18)} cpu ${median(runs).toFixed(1)} ms (runs ${runs.map((x) => x.toFixed(1)).join('/')})  mean ${(bytes / CARDS / 1024).toFixed(1)} KiB max ${(maxBytes / 1024).toFixed(1)} KiB  maxdiff ${maxDiff} mean ${(sumDiff / Math.max(px, 1)).toFixed(4)} changed ${(100 * diffPx / Math.max(px, 1)).toFixed(2)}%`);
}
console.log(`load after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
