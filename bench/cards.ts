/**
 * Where a share card's time goes, stage by stage, in CPU time (robust on a
 * shared, busy machine), on real cards planned from a generated corpus:
 *
 *   node bench/cards.ts [--cards 120] [--briefings 40] [--actors 20]
 *
 * Stages: satori (layout → SVG, JS), then the production rasteriser (sharp:
 * librsvg + libvips' PNG encoder, src/pipeline/cards/render.ts), and for comparison the
 * former one, resvg (renderAsync + RenderedImage.asPng()).
 *
 * The production path is timed in a pass of its own, with the card worker's sharp
 * settings (worker.ts): run between the alternatives, as it once was, it measured
 * about half as much again (51.5 against 33 ms a card on the same machine), because
 * resvg and the other encoders it alternated with evicted its caches and left it
 * their garbage to collect. The alternatives' pass follows.
 */
import { renderAsync } from '@resvg/resvg-js';
import sharp from 'sharp';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { planCards } from '../src/pipeline/cards/plan.ts';
import { renderCardSvg, svgToPng } from '../src/pipeline/cards/render.ts';
import { checkContent } from '../src/pipeline/content-check.ts';
import { generateCorpus, parseArgs, writeCorpus } from './generate.ts';

const args = parseArgs(process.argv.slice(2));
const CARDS = Number(args.cards ?? 120);
const dir = path.resolve(import.meta.dirname, '.work/cards-corpus');
writeCorpus(generateCorpus({ briefings: Number(args.briefings ?? 40), actors: Number(args.actors ?? 20), seed: 7 }), dir, 7);
const { model } = checkContent({ root: path.resolve(import.meta.dirname, '..'), contentDir: dir, today: '2026-01-01' });
const all = planCards(model, { name: 'Briefing Desk', tagline: 'Who said what, with sources.' });
// A spread of kinds in the site's proportions: mostly positions, then briefings and actors.
const jobs = Array.from({ length: CARDS }, (_, i) => all[Math.floor((i * all.length) / CARDS)]!);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const totals = { satori: 0, production: 0, resvg: 0, asPng: 0, sharpPng6: 0, sharpPng1: 0, sharpPalette: 0, zlibRaw1: 0 };
const bytes = { production: 0, asPng: 0, sharpPng6: 0, sharpPng1: 0, sharpPalette: 0 };
let svgBytes = 0;

// Warm up: fonts, wasm, JIT.
for (const job of jobs.slice(0, 5)) (await renderAsync(await renderCardSvg(job.content), { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } })).asPng();
for (const job of jobs.slice(0, 5)) await svgToPng(await renderCardSvg(job.content));

// The production path alone, as a card worker runs it.
sharp.concurrency(1);
sharp.cache(false);
const productionStart = performance.now();
const svgs: string[] = [];
for (const job of jobs) {
  let t = cpu();
  const svg = await renderCardSvg(job.content);
  totals.satori += cpu() - t;
  svgBytes += svg.length;
  svgs.push(svg);

  t = cpu();
  bytes.production += (await svgToPng(svg)).length;
  totals.production += cpu() - t;
}
const productionWall = performance.now() - productionStart;
sharp.concurrency(0);

// The alternatives, on the same SVGs.
const wallStart = performance.now();
for (const svg of svgs) {
  let t = cpu();
  const image = await renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  totals.resvg += cpu() - t;

  t = cpu();
  const png = image.asPng();
  totals.asPng += cpu() - t;
  bytes.asPng += png.length;

  const raw = { raw: { width: image.width, height: image.height, channels: 4 as const } };
  const pixels = image.pixels;
  t = cpu();
  bytes.sharpPng6 += (await sharp(pixels, raw).png({ compressionLevel: 6 }).toBuffer()).length;
  totals.sharpPng6 += cpu() - t;
  t = cpu();
  bytes.sharpPng1 += (await sharp(pixels, raw).png({ compressionLevel: 1, adaptiveFiltering: false }).toBuffer()).length;
  totals.sharpPng1 += cpu() - t;
  t = cpu();
  bytes.sharpPalette += (await sharp(pixels, raw).png({ palette: true }).toBuffer()).length;
  totals.sharpPalette += cpu() - t;
  t = cpu();
  deflateSync(pixels, { level: 1 });
  totals.zlibRaw1 += cpu() - t;
}
const wall = performance.now() - wallStart;

const per = (ms: number) => `${(ms / CARDS).toFixed(1)} ms`;
console.log(`${CARDS} cards (${new Set(jobs.map((j) => j.content.kind)).size} kinds), mean SVG ${(svgBytes / CARDS / 1024).toFixed(0)} KiB; CPU time a card (all threads of this process):`);
console.log(`  satori (layout + SVG)            ${per(totals.satori)}`);
console.log(`  sharp (rasterize + encode)       ${per(totals.production)}   ${(bytes.production / CARDS / 1024).toFixed(0)} KiB`);
console.log(`  = production path                ${per(totals.satori + totals.production)}   (wall ${(productionWall / CARDS).toFixed(1)} ms a card, one card at a time)`);
console.log('  the former rasteriser, resvg:');
console.log(`    renderAsync (rasterize)        ${per(totals.resvg)}`);
console.log(`    RenderedImage.asPng() (encode) ${per(totals.asPng)}   ${(bytes.asPng / CARDS / 1024).toFixed(0)} KiB`);
console.log('  alternatives for encoding resvg\'s pixels:');
console.log(`    sharp png level 6              ${per(totals.sharpPng6)}   ${(bytes.sharpPng6 / CARDS / 1024).toFixed(0)} KiB`);
console.log(`    sharp png level 1, no filter   ${per(totals.sharpPng1)}   ${(bytes.sharpPng1 / CARDS / 1024).toFixed(0)} KiB`);
console.log(`    sharp png palette (quantize)   ${per(totals.sharpPalette)}   ${(bytes.sharpPalette / CARDS / 1024).toFixed(0)} KiB`);
console.log(`    zlib deflate level 1 of pixels ${per(totals.zlibRaw1)}`);
console.log(`(wall for the alternatives' pass: ${(wall / CARDS).toFixed(1)} ms a card)`);
