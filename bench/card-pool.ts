/**
 * Wall time of the card worker pool (src/pipeline/cards/pool.ts, worker processes
 * with the production sharp settings of worker.ts) on a batch of real planned
 * cards, for 1, 2 and 3 workers; each into an empty card cache in a temporary folder.
 *
 *   node bench/card-pool.ts [--cards 200] [--runs 3] [--workers 1,2,3]
 *
 * Reports the median over --runs of the wall ms a card (batch wall ÷ cards) and
 * the CPU of the worker processes a card (from the children's rusage), with the
 * load average, since the machine may be shared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { cardKey } from '../src/pipeline/cards/cache.ts';
import { planCards } from '../src/pipeline/cards/plan.ts';
import { renderInPool } from '../src/pipeline/cards/pool.ts';
import { checkContent } from '../src/pipeline/content-check.ts';
import { generateCorpus, parseArgs, writeCorpus } from './generate.ts';

const args = parseArgs(process.argv.slice(2));
const CARDS = Number(args.cards ?? 200);
const RUNS = Number(args.runs ?? 3);
const WORKERS = String(args.workers ?? '1,2,3').split(',').map(Number);
const dir = path.resolve(import.meta.dirname, '.work/cards-corpus');
writeCorpus(generateCorpus({ briefings: 40, actors: 20, seed: 7 }), dir, 7);
const { model } = checkContent({ root: path.resolve(import.meta.dirname, '..'), contentDir: dir, today: '2026-01-01' });
const all = planCards(model, { name: 'Briefing Desk', tagline: 'Who said what, with sources.' });
// The same spread of kinds as bench/cards.ts.
const jobs = Array.from({ length: CARDS }, (_, i) => all[Math.floor((i * all.length) / CARDS)]!);
const requests = (cacheDir: string) => jobs.map((job) => ({ content: job.content, key: cardKey(job.content), cacheDir }));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join('/');

console.log(`${CARDS} cards (${new Set(jobs.map((j) => j.content.kind)).size} kinds), ${RUNS} runs; load average before ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const results = new Map(WORKERS.map((w) => [w, [] as number[]]));
for (let r = 0; r < RUNS; r++) {
  // Interleaved, so that a change of the machine's load falls on every setting alike.
  for (const workers of WORKERS) {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'card-pool-'));
    const start = performance.now();
    await renderInPool(requests(cacheDir), workers);
    results.get(workers)!.push((performance.now() - start) / CARDS);
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
for (const workers of WORKERS) {
  const xs = results.get(workers)!;
  console.log(`  ${workers} worker${workers > 1 ? 's' : ''}: ${median(xs).toFixed(1)} ms wall a card (runs ${fmt(xs)}; includes starting the processes)`);
}
console.log(`load average after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
