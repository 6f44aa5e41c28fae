/**
 * The dev-server benchmark (issue 16): `node bench/dev.ts [--briefings 1000 --actors 200 --seed 1 --runs 3]`.
 *
 * Generates a corpus (bench/generate.ts) into a temp folder and, `--runs` times, starts
 * `astro dev` on it as a user's shell would (CONTENT_DIR, a fresh Astro cache), then times:
 *
 * - from the address line to the first 200 of `/`, then of a briefing page, then of an
 *   actor page (requested one after the other, as a reader clicking through would), and
 *   from the spawn to the address line, so work moved from before the address line to after
 *   it cannot pass for a gain;
 * - after rewriting one briefing's stance (the file written as an editor saves it), until a
 *   request to that briefing's page, then to its actor's page, shows the new stance; then the
 *   same after editing a sentence of its body.
 *
 * With `--warm` each run also restarts the server on the cache folder the cold start left
 * (a user's second `npm run dev`). Prints each run and the median, with the machine load
 * (cores other processes kept busy) over each run; the machine is shared, so compare medians.
 * `--cpu-prof DIR` profiles the server (summarise with `node bench/profile.ts DIR`).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnDevServer } from '../tests/helpers/dev-server.ts';
import { generateCorpus, parseArgs, writeCorpus, type GenBriefing } from './generate.ts';

const args = parseArgs(process.argv.slice(2));
const N = Number(args.briefings ?? 1000);
const M = Number(args.actors ?? 200);
const SEED = Number(args.seed ?? 1);
const RUNS = Number(args.runs ?? 3);
const WARM = Boolean(args.warm);
/** Node writes a CPU profile only on a normal exit, and Astro leaves SIGINT to its default (kill). */
const EXIT_ON_SIGINT = "process.on('SIGINT', () => process.exit(130));";
/** `--cpu-prof DIR`: profile each server into DIR (written when it stops). */
const NODE_FLAGS = typeof args['cpu-prof'] === 'string' ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['cpu-prof'])}`, '--import', `data:text/javascript,${encodeURIComponent(EXIT_ON_SIGINT)}`] : [];
/** Give up on a page after this long (a broken server should fail the bench, not hang it). */
const TIMEOUT_MS = 120_000;

const log = (message: string) => console.log(`[dev-bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Busy and total CPU seconds of the whole machine so far (/proc/stat), for the load figure. */
function machineCpu(): { busy: number; total: number } {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    return { busy: (user + nice + system + irq + softirq + steal) / 100, total: (user + nice + system + idle + iowait + irq + softirq + steal) / 100 };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** CPU seconds used by a process and its descendants that were reaped (utime+stime, cutime+cstime). */
function processCpu(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ').map(Number);
    // Fields after the command: state is index 0, so utime is 11, stime 12, cutime 13, cstime 14.
    return (fields[11]! + fields[12]! + fields[13]! + fields[14]!) / 100;
  } catch {
    return 0;
  }
}

interface Server {
  child: ChildProcess;
  base: string;
  /** ms from the spawn to the address line, and the moment of that line. */
  toAddress: number;
  addressAt: number;
  log(): string;
}

async function startServer(contentDir: string, cacheDir: string): Promise<Server> {
  const { child, base, spawnedAt, addressAt, log } = await spawnDevServer({ contentDir, cacheDir, nodeFlags: NODE_FLAGS, timeoutMs: TIMEOUT_MS });
  return { child, base, toAddress: addressAt - spawnedAt, addressAt, log };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  // SIGINT, as Ctrl-C in a terminal.
  server.child.kill('SIGINT');
  const killer = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(killer);
}

/**
 * Requests `sitePath` until it answers 200 and `ok` accepts its HTML; returns when
 * that answer arrived. Requests follow each other without a pause: each one waits for
 * the server, and a pause would only add to the figure.
 */
async function until(server: Server, sitePath: string, ok: (html: string) => boolean = () => true): Promise<{ at: number; requests: number }> {
  const started = performance.now();
  for (let requests = 1; ; requests++) {
    const response = await fetch(`${server.base}${sitePath}`).catch(() => undefined);
    const html = response ? await response.text() : '';
    if (response?.status === 200 && ok(html)) return { at: performance.now(), requests };
    if (performance.now() - started > TIMEOUT_MS) throw new Error(`${sitePath} never answered as expected (last status ${response?.status}):\n${server.log().slice(-3000)}`);
    // A refused connection or an error page comes back at once; don't spin on it.
    if (!response || response.status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface StartFigures {
  toAddress: number;
  home: number;
  briefing: number;
  actor: number;
}
interface EditFigures {
  stanceBriefing: number;
  stanceActor: number;
  bodyBriefing: number;
}
interface Run {
  cold: StartFigures;
  warm?: StartFigures;
  edit: EditFigures;
  otherCores: number;
  serverCpu: number;
  wall: number;
}

/** The first responses after the address line, in a reader's order: home, a briefing, an actor. */
async function firstPages(server: Server, briefing: GenBriefing, actor: string): Promise<StartFigures> {
  const home = await until(server, '/');
  const page = await until(server, `/briefings/${briefing.slug}/`);
  const actorPage = await until(server, `/actors/${actor}/`);
  return { toAddress: server.toAddress, home: home.at - server.addressAt, briefing: page.at - server.addressAt, actor: actorPage.at - server.addressAt };
}

/** Replaces `search` once in the file, failing loudly if it is not there. */
function rewrite(file: string, search: string, replacement: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(search)) throw new Error(`${search} not found in ${file}`);
  writeFileSync(file, text.replace(search, replacement));
}

async function edits(server: Server, contentDir: string, briefing: GenBriefing, run: number): Promise<EditFigures> {
  const file = path.join(contentDir, 'briefings', `${briefing.slug}.mdx`);
  const position = briefing.positions[0]!;
  // Plain words, so the HTML shows them as written (no entity escaping to match).
  const stance = `Bench edit ${run} rules out any talks this year`;
  rewrite(file, `stance: ${JSON.stringify(position.stance)}`, `stance: ${JSON.stringify(stance)}`);
  const written = performance.now();
  const stanceBriefing = (await until(server, `/briefings/${briefing.slug}/`, (html) => html.includes(stance))).at - written;
  const stanceActor = (await until(server, `/actors/${position.actor}/`, (html) => html.includes(stance))).at - written;
  // A body edit: the body is compiled again, not only the frontmatter re-read.
  const sentence = `Bench body edit number ${run} in a new paragraph`;
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n${sentence}.\n`);
  const bodyWritten = performance.now();
  const bodyBriefing = (await until(server, `/briefings/${briefing.slug}/`, (html) => html.includes(sentence))).at - bodyWritten;
  return { stanceBriefing, stanceActor, bodyBriefing };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'briefing-dev-bench-'));
  const contentDir = path.join(work, 'content');
  const corpus = generateCorpus({ briefings: N, actors: M, seed: SEED });
  const written = writeCorpus(corpus, contentDir, SEED);
  log(`corpus: ${N} briefings, ${M} actors, ${written.positions} positions in ${contentDir}`);
  // A briefing from the middle of the corpus (neither the newest nor the oldest), and its first position's actor.
  const briefing = corpus.briefings[Math.floor(N / 2)]!;
  const actor = briefing.positions[0]!.actor;
  const runs: Run[] = [];
  try {
    for (let i = 1; i <= RUNS; i++) {
      // Each run starts from the generated files, so every run makes the same edits.
      writeCorpus(corpus, contentDir, SEED);
      const cacheDir = path.join(work, `astro-cache-${i}`);
      const before = machineCpu();
      const t0 = performance.now();
      let serverCpu = 0;
      const server = await startServer(contentDir, cacheDir);
      let run: Run;
      try {
        const cold = await firstPages(server, briefing, actor);
        const edit = await edits(server, contentDir, briefing, i);
        serverCpu += processCpu(server.child.pid!);
        run = { cold, edit, otherCores: 0, serverCpu: 0, wall: 0 };
      } finally {
        await stopServer(server);
      }
      if (WARM) {
        writeCorpus(corpus, contentDir, SEED);
        const again = await startServer(contentDir, cacheDir);
        try {
          run.warm = await firstPages(again, briefing, actor);
          serverCpu += processCpu(again.child.pid!);
        } finally {
          await stopServer(again);
        }
      }
      const after = machineCpu();
      run.wall = performance.now() - t0;
      run.serverCpu = serverCpu;
      // Cores busy on the whole machine, less what the dev server itself used.
      run.otherCores = Math.max(0, (after.busy - before.busy - serverCpu) / (run.wall / 1000));
      runs.push(run);
      const s = (f: StartFigures) => `address ${sec(f.toAddress)} after spawn; then / ${sec(f.home)}, briefing ${sec(f.briefing)}, actor ${sec(f.actor)}`;
      log(`run ${i}: cold: ${s(run.cold)}`);
      if (run.warm) log(`run ${i}: warm cache: ${s(run.warm)}`);
      log(`run ${i}: stance edit → briefing ${sec(run.edit.stanceBriefing)}, actor ${sec(run.edit.stanceActor)}; body edit → briefing ${sec(run.edit.bodyBriefing)}; other load ${run.otherCores.toFixed(2)} cores`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const med = (pick: (r: Run) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? sec(median(values)) : '–';
  };
  const lines = [
    `Dev server, N=${N} briefings, M=${M} actors, median of ${runs.length} runs (other load ${runs.map((r) => r.otherCores.toFixed(2)).join(', ')} cores on ${os.availableParallelism()}):`,
    '',
    '| figure | median | runs |',
    '| --- | ---: | --- |',
  ];
  const row = (name: string, pick: (r: Run) => number | undefined) =>
    lines.push(`| ${name} | ${med(pick)} | ${runs.map((r) => { const v = pick(r); return v === undefined ? '–' : sec(v); }).join(', ')} |`);
  row('spawn → address line', (r) => r.cold.toAddress);
  row('address → first 200 of /', (r) => r.cold.home);
  row('address → briefing page (after /)', (r) => r.cold.briefing);
  row('address → actor page (after both)', (r) => r.cold.actor);
  if (WARM) {
    row('warm cache: spawn → address line', (r) => r.warm?.toAddress);
    row('warm cache: address → first 200 of /', (r) => r.warm?.home);
    row('warm cache: address → briefing page', (r) => r.warm?.briefing);
    row('warm cache: address → actor page', (r) => r.warm?.actor);
  }
  row('stance edit → its briefing page shows it', (r) => r.edit.stanceBriefing);
  row('stance edit → its actor page shows it (after the briefing page)', (r) => r.edit.stanceActor);
  row('body edit → its briefing page shows it', (r) => r.edit.bodyBriefing);
  console.log(`\n${lines.join('\n')}\n`);
}

await main();
