/**
 * Where a share card's time goes, stage by stage, in CPU time (robust on a
 * shared, busy machine), on real cards planned from a generated corpus:
 *
 *   node bench/cards.ts [--cards 120] [--briefings 40] [--actors 20] [--runs 3]
 *
 * Stages of the production path (render.ts): satori (layout → SVG with its words
 * left as text, JS), Skia drawing the SVG, words from the fonts (raster.ts,
 * skia-text.ts), reading the pixels off the canvas a band at a time as they are
 * encoded as PNG (png.ts). For comparison,
 * the former path: satori outlining every glyph, then librsvg rasterising and
 * libvips encoding, both through sharp, as the card worker set them up.
 *
 * Each path runs in passes of its own, alternated (production, former,
 * production, …): run card by card between each other, each evicts the other's
 * caches and leaves it garbage to collect. Like the card worker, which gets each
 * card in a message of its own, the loop yields to the event loop after every
 * card, so the canvas's pixel buffers are freed as they are in a build; the CPU
 * spent in that turn (collecting, freeing) is counted as a stage of its own.
 */
import sharp from 'sharp';
import path from 'node:path';
import { planCards } from '../src/pipeline/cards/plan.ts';
import { encodePixels } from '../src/pipeline/cards/png.ts';
import { drawSvg } from '../src/pipeline/cards/raster.ts';
import { renderCardSvg, renderCardTextSvg } from '../src/pipeline/cards/render.ts';
import { checkContent } from '../src/pipeline/content-check.ts';
import { generateCorpus, parseArgs, writeCorpus } from './generate.ts';

const args = parseArgs(process.argv.slice(2));
const CARDS = Number(args.cards ?? 120);
const RUNS = Number(args.runs ?? 3);
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
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

// As the card worker (worker.ts) sets sharp up.
sharp.concurrency(1);
sharp.cache(false);

type Stage = 'satori' | 'draw' | 'encode' | 'between' | 'outlined' | 'librsvg' | 'librsvgBetween';
const totals: Record<Stage, number[]> = { satori: [], draw: [], encode: [], between: [], outlined: [], librsvg: [], librsvgBetween: [] };
const bytes = { production: 0, former: 0, maxProduction: 0 };
let svgBytes = 0;
let fallbacks = 0;

async function productionPass(record: boolean, first: boolean) {
  const t = { satori: 0, draw: 0, encode: 0, between: 0 };
  for (const job of jobs) {
    let start = cpu();
    // As render.ts renders a card: its words left as text for Skia (skia-text.ts).
    const svg = await renderCardTextSvg(job.content);
    t.satori += cpu() - start;
    start = cpu();
    const pixels = drawSvg(svg);
    t.draw += cpu() - start;
    if (!pixels) {
      fallbacks++;
      continue;
    }
    start = cpu();
    const png = encodePixels(pixels);
    t.encode += cpu() - start;
    if (first) {
      svgBytes += svg.length;
      bytes.production += png.length;
      bytes.maxProduction = Math.max(bytes.maxProduction, png.length);
    }
    start = cpu();
    await nextTurn();
    t.between += cpu() - start;
  }
  if (record) for (const stage of ['satori', 'draw', 'encode', 'between'] as const) totals[stage].push(t[stage] / CARDS);
}

async function formerPass(record: boolean, first: boolean) {
  let outlining = 0;
  let t = 0;
  let between = 0;
  for (const job of jobs) {
    let start = cpu();
    const svg = await renderCardSvg(job.content);
    outlining += cpu() - start;
    start = cpu();
    const png = await sharp(Buffer.from(svg)).removeAlpha().png({ compressionLevel: 4 }).toBuffer();
    t += cpu() - start;
    if (first) bytes.former += png.length;
    start = cpu();
    await nextTurn();
    between += cpu() - start;
  }
  if (record) {
    totals.outlined.push(outlining / CARDS);
    totals.librsvg.push(t / CARDS);
    totals.librsvgBetween.push(between / CARDS);
  }
}

// Warm up: fonts, wasm, JIT.
await productionPass(false, false);
await formerPass(false, false);
for (let run = 0; run < RUNS; run++) {
  await productionPass(true, run === 0);
  await formerPass(true, run === 0);
}
svgBytes /= CARDS;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (values: number[]) => `${median(values).toFixed(1)} ms (runs ${values.map((v) => v.toFixed(1)).join(', ')})`;
const production = totals.satori.map((s, i) => s + totals.draw[i]! + totals.encode[i]! + totals.between[i]!);
const former = totals.outlined.map((s, i) => s + totals.librsvg[i]! + totals.librsvgBetween[i]!);
console.log(`${CARDS} cards (${new Set(jobs.map((j) => j.content.kind)).size} kinds), mean SVG ${(svgBytes / 1024).toFixed(0)} KiB; CPU time a card, median of ${RUNS} runs:`);
console.log(`  satori (layout + SVG, words as text) ${ms(totals.satori)}`);
console.log(`  Skia draw (raster.ts)             ${ms(totals.draw)}`);
console.log(`  pixels read + PNG (png.ts)        ${ms(totals.encode)}   mean ${(bytes.production / CARDS / 1024).toFixed(0)} KiB, largest ${(bytes.maxProduction / 1024).toFixed(0)} KiB`);
console.log(`  between cards (GC, freeing)       ${ms(totals.between)}`);
console.log(`  = production path                 ${ms(production)}${fallbacks ? `   (${fallbacks / (RUNS + 1)} cards fell back to librsvg)` : ''}`);
console.log(`  former: satori with outlines      ${ms(totals.outlined)}`);
console.log(`          librsvg + libvips PNG     ${ms(totals.librsvg)}   mean ${(bytes.former / CARDS / 1024).toFixed(0)} KiB`);
console.log(`          between cards             ${ms(totals.librsvgBetween)}`);
console.log(`  = former path                     ${ms(former)}`);
