/**
 * A card worker's CPU and memory over a long run: renders --cards planned cards
 * one after another through the production path (render.ts, with its periodic
 * forced garbage collection and the worker's sharp settings), and prints the CPU
 * ms a card for every slice of 250 and the peak RSS.
 *
 *   node bench/card-gc.ts [--cards 2500]
 */
import path from 'node:path';
import { loadavg } from 'node:os';
import sharp from 'sharp';
import { planCards } from '../src/pipeline/cards/plan.ts';
import { renderCardPng } from '../src/pipeline/cards/render.ts';
import { checkContent } from '../src/pipeline/content-check.ts';
import { generateCorpus, parseArgs, writeCorpus } from './generate.ts';

const args = parseArgs(process.argv.slice(2));
const CARDS = Number(args.cards ?? 2500);
const SLICE = 250;
const dir = path.resolve(import.meta.dirname, '.work/cards-corpus');
writeCorpus(generateCorpus({ briefings: 40, actors: 20, seed: 7 }), dir, 7);
const { model } = checkContent({ root: path.resolve(import.meta.dirname, '..'), contentDir: dir, today: '2026-01-01' });
const all = planCards(model, { name: 'Briefing Desk', tagline: 'Who said what, with sources.' });
sharp.concurrency(1);
sharp.cache(false);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
console.log(`${CARDS} cards, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
let t = cpu();
let peak = 0;
const slices: number[] = [];
const rssAt: number[] = [];
for (let i = 0; i < CARDS; i++) {
  await renderCardPng(all[(i * 7) % all.length]!.content);
  // As in the worker, where each card comes in a message of its own: native buffers are freed between turns.
  await new Promise((resolve) => setImmediate(resolve));
  peak = Math.max(peak, process.memoryUsage.rss());
  if ((i + 1) % SLICE === 0) {
    slices.push((cpu() - t) / SLICE);
    rssAt.push(process.memoryUsage.rss() / 1e6);
    t = cpu();
  }
}
const sorted = [...slices].sort((a, b) => a - b);
console.log(`CPU ms a card, per ${SLICE} cards: ${slices.map((x) => x.toFixed(1)).join(' ')}; median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)}`);
console.log(`RSS MB after each ${SLICE} cards: ${rssAt.map((x) => x.toFixed(0)).join(' ')}`);
console.log(`peak RSS ${(peak / 1e6).toFixed(0)} MB, at the end ${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB`);
