/**
 * What a share card costs by script, in CPU time (robust on a shared machine):
 * Latin-only cards planned from the generated corpus (bench/generate.ts), then
 * one position card per script of tests/fixtures/scripts (quote, name and role
 * in the script), each rendered `--rounds` times after a warm-up render.
 *
 *   node bench/script-cards.ts [--cards 120] [--rounds 10]
 *
 * Prints satori (layout → SVG) and sharp (SVG → PNG) per card.
 */
import path from 'node:path';
import { planCards } from '../src/pipeline/cards/plan.ts';
import { cardStrings, type CardContent } from '../src/pipeline/cards/layout.ts';
import { renderCardSvg, svgToPng } from '../src/pipeline/cards/render.ts';
import { checkContent } from '../src/pipeline/content-check.ts';
import { SAMPLES } from '../tests/fixtures/scripts/generate.ts';
import { generateCorpus, parseArgs, writeCorpus } from './generate.ts';

const args = parseArgs(process.argv.slice(2));
const CARDS = Number(args.cards ?? 120);
const ROUNDS = Number(args.rounds ?? 10);
const dir = path.resolve(import.meta.dirname, '.work/script-cards-corpus');
writeCorpus(generateCorpus({ briefings: 40, actors: 20, seed: 7 }), dir, 7);
const { model } = checkContent({ root: path.resolve(import.meta.dirname, '..'), contentDir: dir, today: '2026-01-01' });
// Latin only: the generated corpus has Cyrillic actors too; those cards are left out here.
const latin = planCards(model, { name: 'Briefing Desk', tagline: 'Who said what, with sources.' }).filter((job) => !/[^\u0000-\u024f\u2000-\u206f]/u.test(cardStrings(job.content)));
const jobs = Array.from({ length: CARDS }, (_, i) => latin[Math.floor((i * latin.length) / CARDS)]!.content);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function measure(cards: CardContent[]): Promise<{ satori: number; sharp: number }> {
  let satori = 0;
  let raster = 0;
  for (const card of cards) {
    let t = cpu();
    const svg = await renderCardSvg(card);
    satori += cpu() - t;
    t = cpu();
    await svgToPng(svg);
    raster += cpu() - t;
  }
  return { satori: satori / cards.length, sharp: raster / cards.length };
}

const row = (label: string, m: { satori: number; sharp: number }) =>
  console.log(`${label.padEnd(22)} ${m.satori.toFixed(1).padStart(6)} ${m.sharp.toFixed(1).padStart(6)} ${(m.satori + m.sharp).toFixed(1).padStart(6)}`);

await measure(jobs.slice(0, 5)); // warm-up: fonts, wasm, JIT
console.log(`CPU ms a card: satori, sharp, total (${CARDS} Latin-only cards; ${ROUNDS} renders a script after one warm-up)`);
row('Latin only', await measure(jobs));
for (const sample of SAMPLES) {
  const card: CardContent = { kind: 'position', siteName: 'Briefing Desk', text: sample.quote, isQuote: true, actorName: sample.name, role: sample.role, date: '2024-03-01', briefingTitle: 'Talks go on, in every language' };
  let t = cpu();
  await svgToPng(await renderCardSvg(card));
  const first = cpu() - t;
  const m = await measure(Array.from({ length: ROUNDS }, () => card));
  row(`${sample.script}`, m);
  void first;
}
