/**
 * The build benchmark (issue 5): `npm run bench [-- --briefings N --actors M --seed S --skip-baseline]`.
 *
 * Options: --briefings N (1000) --actors M (200) --seed S (1) --skip-baseline
 * --baseline-runs 1|2 (2) --skip-linearity --linearity-only --quiet-wait SECONDS (300)
 * --node-flags="--cpu-prof --cpu-prof-dir=bench/.work/prof" (for the site builds).
 *
 * 1. Generates a synthetic corpus (bench/generate.ts) into bench/.work/corpus.
 * 2. Times checkContent() alone at N and 2N briefings (resolution must be linear).
 * 3. Cold build of the real site (empty card cache and Astro cache), then a
 *    rebuild after editing one briefing's summary with both caches kept.
 * 4. Builds the baseline (bench/baseline: plain Astro + MDX + remark-gfm, same
 *    bodies, one page each) cold and warm.
 * 5. Prints a table with ratios and targets and writes it into bench/RESULTS.md
 *    (the section for this N is replaced; the rest of the file is kept).
 *
 * Wall time is measured around the whole `astro build` process; peak RSS by
 * polling /proc every 100 ms for the process and all its descendants (summed),
 * cross-checked with the kernel's high-water mark (VmHWM) of each process and,
 * when present, GNU time's maximum RSS. Worker threads live inside the Node
 * process, so their memory is included.
 */
import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadContent } from '../src/pipeline/load/load-content.ts';
import { resolveSite } from '../src/pipeline/resolve/resolve-site.ts';
import { checkContent } from '../src/pipeline/content-check.ts';
import { generateCorpus, parseArgs, writeBaselineBodies, writeCorpus } from './generate.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench/.work');
const ASTRO_BIN = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const GNU_TIME = '/usr/bin/time';
const TODAY = '2026-01-01';

const args = parseArgs(process.argv.slice(2));
const N = Number(args.briefings ?? 1000);
const M = Number(args.actors ?? 200);
const SEED = Number(args.seed ?? 1);
const SKIP_BASELINE = Boolean(args['skip-baseline']);
const SKIP_LINEARITY = Boolean(args['skip-linearity']);
/** Only the content-check linearity measurement (no builds); writes its own RESULTS.md section. */
const LINEARITY_ONLY = Boolean(args['linearity-only']);
/** Project to build (default: this repo); e.g. a snapshot of src/ under bench/.work/. */
const PROJECT = path.resolve(typeof args.project === 'string' ? args.project : ROOT);
/**
 * Only the rebuild after one edit (and the baseline), against the corpus and
 * caches a previous run left in bench/.work: for when the source changed under
 * a long run, or to re-measure a rebuild without paying for a cold build.
 */
const WARM_ONLY = Boolean(args['warm-only']);
/** 2: the baseline is built cold, then again with its cache (the faster is the reference); 1: cold only. */
const BASELINE_RUNS = Number(args['baseline-runs'] ?? 2);
/** Extra Node flags for the site builds, e.g. --node-flags="--cpu-prof --cpu-prof-dir=bench/.work/prof". */
/** Seconds to wait for a quiet machine before each timed build (0: don't wait). */
const QUIET_WAIT = Number(args['quiet-wait'] ?? 300);
const NODE_FLAGS = typeof args['node-flags'] === 'string' ? args['node-flags'].split(/\s+/).filter(Boolean) : [];

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

// ---------------------------------------------------------------- process measurement

interface RunStats {
  label: string;
  wallMs: number;
  /** Highest sum of VmRSS over the process tree seen by the 100 ms poll, bytes. */
  peakTreeRss: number;
  /** Highest VmHWM of any single process in the tree, bytes (kernel's own peak). */
  peakHwm: number;
  /** When the polled tree RSS peaked, ms after the start, and the RSS over time (one sample a second). */
  peakAtMs: number;
  rssTimeline: number[];
  /** GNU time's maximum resident set size, bytes, when /usr/bin/time exists. */
  gnuTimeMaxRss?: number;
  /** CPU time of the build (user + system, all threads), ms, from GNU time. */
  cpuMs?: number;
  /** Average number of cores other processes kept busy during this build (contention). */
  otherCores: number;
  exitCode: number | null;
  logFile: string;
  logBytes: number;
}

function readStatusKb(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return { rss: Number(rss ?? 0) * 1024, hwm: Number(hwm ?? 0) * 1024 };
  } catch {
    return undefined;
  }
}

function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        for (const child of readFileSync(`/proc/${out[i]}/task/${tid}/children`, 'utf8').trim().split(/\s+/)) {
          if (child) out.push(Number(child));
        }
      } catch {
        /* exited */
      }
    }
  }
  return out;
}

/** Busy and total CPU time of the whole machine so far, in seconds (from /proc/stat). */
function machineCpu(): { busy: number; total: number } {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const tick = 100; // USER_HZ
    return { busy: (user + nice + system + irq + softirq + steal) / tick, total: (user + nice + system + idle + iowait + irq + softirq + steal) / tick };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/**
 * This machine is shared: before a timed build, wait (up to `maxSeconds`) until
 * other processes use less than a third of a core, measured over 5 s.
 */
async function waitForQuiet(maxSeconds: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const a = machineCpu();
    await new Promise((r) => setTimeout(r, 5000));
    const b = machineCpu();
    const busyCores = (b.busy - a.busy) / 5;
    if (busyCores < 0.33 || (performance.now() - started) / 1000 >= maxSeconds) return busyCores;
    log(`machine busy (${busyCores.toFixed(2)} cores used by other processes); waiting…`);
  }
}

async function measure(label: string, command: string, argv: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunStats> {
  const logFile = path.join(WORK, 'logs', `${label}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'w');
  const timeFile = path.join(WORK, 'logs', `${label}.time`);
  const useTime = existsSync(GNU_TIME);
  const [cmd, cmdArgs] = useTime ? [GNU_TIME, ['-f', '%M %e %U %S', '-o', timeFile, command, ...argv]] : [command, argv];
  if (QUIET_WAIT > 0) await waitForQuiet(QUIET_WAIT);
  const cpuBefore = machineCpu();
  const started = performance.now();
  const child = spawn(cmd, cmdArgs, { cwd: options.cwd, env: options.env, stdio: ['ignore', fd, fd] });
  let peakTreeRss = 0;
  let peakHwm = 0;
  let peakAtMs = 0;
  const rssTimeline: number[] = [];
  const poll = () => {
    if (!child.pid) return;
    let sum = 0;
    for (const pid of processTree(child.pid)) {
      const s = readStatusKb(pid);
      if (!s) continue;
      // GNU time itself is a few hundred kB; leave it out of the tree sum.
      if (useTime && pid === child.pid) continue;
      sum += s.rss;
      peakHwm = Math.max(peakHwm, s.hwm);
    }
    const at = performance.now() - started;
    if (sum > peakTreeRss) [peakTreeRss, peakAtMs] = [sum, at];
    const second = Math.floor(at / 1000);
    rssTimeline[second] = Math.max(rssTimeline[second] ?? 0, sum);
  };
  const timer = setInterval(poll, 100);
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  clearInterval(timer);
  const wallMs = performance.now() - started;
  const cpuAfter = machineCpu();
  closeSync(fd);
  let gnuTimeMaxRss: number | undefined;
  let cpuMs: number | undefined;
  if (useTime && existsSync(timeFile)) {
    const [kb, , user, system] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(kb)) gnuTimeMaxRss = kb! * 1024;
    if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = (user! + system!) * 1000;
  }
  const otherCores = Math.max(0, (cpuAfter.busy - cpuBefore.busy - (cpuMs ?? 0) / 1000) / (wallMs / 1000));
  const stats = { label, wallMs, peakTreeRss, peakHwm, peakAtMs, rssTimeline: Array.from(rssTimeline, (v) => v ?? 0), gnuTimeMaxRss, cpuMs, otherCores, exitCode, logFile, logBytes: statSync(logFile).size };
  if (exitCode !== 0) throw new Error(`${label}: exit code ${exitCode}; see ${logFile}\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
  return stats;
}

const peakRss = (s: RunStats) => Math.max(s.peakTreeRss, s.peakHwm, s.gnuTimeMaxRss ?? 0);

function countFiles(dir: string, suffix: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith(suffix)) n++;
  return n;
}

/** Total bytes of the files under `dir` ending in `suffix` ('' for all). */
function sizeOf(dir: string, suffix = ''): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

// ---------------------------------------------------------------- steps

interface CardStats { cards: number; rendered: number; fromCache: number; ms: number; renderMs: number; maxBytes: number }

/** "1m 10s", "51.32s", "308ms" → ms. */
function parseDuration(text: string): number {
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) ms += Number(n) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60000);
  return ms;
}

/** Where a build's wall time went, from its log (Astro's own timings, and timestamps where there are none). */
export function phasesFromLog(output: string): Record<string, number> {
  const lines = output.split('\n');
  const clock = (line: string) => {
    const m = /^(\d\d):(\d\d):(\d\d) /.exec(line);
    return m ? (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000 : undefined;
  };
  const phases: Record<string, number> = {};
  const content = /content checked in (\d+) ms/.exec(output);
  if (content) phases['content check (integration)'] = Number(content[1]);
  const vite = [...output.matchAll(/\[vite\] ✓ built in ([^\n]+)/g)].reduce((sum, m) => sum + parseDuration(m[1]!), 0);
  if (vite) phases['vite/rolldown bundle (MDX compile)'] = vite;
  const routes = output.indexOf('generating static routes');
  if (routes >= 0) {
    const done = /\n(?:\d\d:\d\d:\d\d )?✓ Completed in ([^\n]+)/.exec(output.slice(routes));
    if (done) phases['page rendering'] = parseDuration(done[1]!);
  }
  // Hooks after the pages: the time between "Waiting for integration X" and the next line.
  for (let i = 0; i < lines.length; i++) {
    const m = /Waiting for integration "([^"]+)"/.exec(lines[i]!);
    if (!m) continue;
    const start = clock(lines[i - 1] ?? '') ?? clock(lines[i]!);
    const end = clock(lines[i + 1] ?? '');
    if (start !== undefined && end !== undefined) phases[`hook ${m[1]}`] = (phases[`hook ${m[1]}`] ?? 0) + Math.max(0, end - start);
  }
  return phases;
}

interface SiteBuild extends RunStats {
  pages: number;
  htmlBytes: number;
  distBytes: number;
  phases: Record<string, number>;
  cards: CardStats;
  directiveWarnings: number;
  contentCheckedLine?: string;
}

function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BRIEFINGS_TODAY: TODAY, NODE_OPTIONS: '', ...extra };
}

async function buildSite(label: string, dirs: { content: string; dist: string; cardCache: string; astroCache: string }): Promise<SiteBuild> {
  rmSync(dirs.dist, { recursive: true, force: true });
  const stats = await measure(label, process.execPath, [...NODE_FLAGS, ASTRO_BIN, 'build', '--outDir', dirs.dist], {
    cwd: PROJECT,
    env: buildEnv({ CONTENT_DIR: dirs.content, CARD_CACHE_DIR: dirs.cardCache, ASTRO_CACHE_DIR: dirs.astroCache }),
  });
  const output = readFileSync(stats.logFile, 'utf8');
  return {
    ...stats,
    pages: countFiles(dirs.dist, '.html'),
    htmlBytes: sizeOf(dirs.dist, '.html'),
    distBytes: sizeOf(dirs.dist),
    cards: JSON.parse(readFileSync(path.join(dirs.cardCache, 'last-build.json'), 'utf8')) as CardStats,
    directiveWarnings: (output.match(/MODULE_LEVEL_DIRECTIVE|module level directive/gi) ?? []).length,
    phases: phasesFromLog(output),
    contentCheckedLine: /content checked in .*/.exec(output)?.[0],
  };
}

async function buildBaseline(label: string, dirs: { project: string; dist: string; astroCache: string }): Promise<RunStats & { pages: number; directiveWarnings: number; phases: Record<string, number> }> {
  rmSync(dirs.dist, { recursive: true, force: true });
  const stats = await measure(label, process.execPath, [ASTRO_BIN, 'build', '--outDir', dirs.dist], {
    cwd: dirs.project,
    env: buildEnv({ ASTRO_CACHE_DIR: dirs.astroCache }),
  });
  const output = readFileSync(stats.logFile, 'utf8');
  return { ...stats, pages: countFiles(dirs.dist, '.html'), phases: phasesFromLog(output), directiveWarnings: (output.match(/MODULE_LEVEL_DIRECTIVE|module level directive/gi) ?? []).length };
}

function timeCheck(contentDir: string) {
  const result = checkContent({ root: ROOT, contentDir, today: TODAY });
  if (result.errorCount > 0) throw new Error(`generated corpus has ${result.errorCount} content errors: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  return { ...result.timings, warnings: result.diagnostics.length - result.errorCount, positions: result.model.positionById.size };
}

/** Changes one word of one briefing's summary: exactly one card's inputs change. */
function editOneBriefing(contentDir: string): string {
  const dir = path.join(contentDir, 'briefings');
  const names = readdirSync(dir).sort();
  const middle = Math.floor(names.length / 2);
  for (let i = 0; i < names.length; i++) {
    const name = names[(middle + i) % names.length]!;
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/^(summary: ".*?)\breply\b/m, '$1answer');
    if (edited === text) continue; // edited by an earlier run
    writeFileSync(file, edited);
    return name;
  }
  throw new Error('no briefing summary left to edit');
}

// ---------------------------------------------------------------- report

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mark = (ok: boolean) => (ok ? '✅ met' : '❌ missed');

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function machine(): string {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? '?';
  const packages = ['astro', '@astrojs/mdx', '@astrojs/markdown-remark', 'remark-gfm', 'vite', 'rolldown', 'satori', '@resvg/resvg-js'];
  return [
    `- Machine: ${os.availableParallelism()} cores (nproc), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, CPU "${model}", ${os.type()} ${os.release()}`,
    `- Node ${process.version} (${process.execPath === path.join(ROOT, 'node_modules/node/bin/node') ? 'node_modules/node' : process.execPath})`,
    `- Packages: ${packages.map((p) => `${p} ${packageVersion(p)}`).join(', ')}`,
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  ].join('\n');
}

function upsertResults(section: string, key: string): void {
  const file = path.join(ROOT, 'bench/RESULTS.md');
  const begin = `<!-- bench:${key} -->`;
  const end = `<!-- /bench:${key} -->`;
  const block = `${begin}\n${section.trim()}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Build benchmark results\n\nWritten by `npm run bench` (bench/run.ts); each run replaces its own section.\n';
  const at = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (at >= 0 && stop > at) text = text.slice(0, at) + block + text.slice(stop + end.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

// ---------------------------------------------------------------- linearity

interface CheckTimes { load: number; resolve: number; loadCpu: number; resolveCpu: number }
interface Linearity { n: CheckTimes; n2: CheckTimes }

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Loading (read, YAML, schema, MDX analysis) and resolving (cross-references,
 * indexes) timed apart, each the best of several runs, in wall and CPU time
 * (CPU time is what a busy shared machine disturbs least).
 */
/** A full garbage collection before each timed run, so one run does not pay for the garbage of the one before. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function timeStages(contentDir: string, loads = 3, resolves = 25): CheckTimes {
  const best: CheckTimes = { load: Infinity, resolve: Infinity, loadCpu: Infinity, resolveCpu: Infinity };
  let loaded: ReturnType<typeof loadContent> | undefined;
  for (let i = 0; i < loads; i++) {
    collectGarbage();
    const [t, c] = [performance.now(), cpuNow()];
    loaded = loadContent(contentDir, ROOT);
    best.load = Math.min(best.load, performance.now() - t);
    best.loadCpu = Math.min(best.loadCpu, cpuNow() - c);
  }
  for (let i = 0; i < resolves; i++) {
    collectGarbage();
    const [t, c] = [performance.now(), cpuNow()];
    resolveSite(loaded!, { includeDrafts: false, today: TODAY, now: new Date(`${TODAY}T00:00:00Z`) });
    best.resolve = Math.min(best.resolve, performance.now() - t);
    best.resolveCpu = Math.min(best.resolveCpu, cpuNow() - c);
  }
  return best;
}

async function measureLinearity(corpusDir: string): Promise<Linearity> {
  if (QUIET_WAIT > 0) await waitForQuiet(Math.min(QUIET_WAIT, 60));
  const doubleDir = path.join(WORK, 'corpus-2x');
  writeCorpus(generateCorpus({ briefings: 2 * N, actors: M, seed: SEED }), doubleDir, SEED);
  timeStages(corpusDir, 1, 2); // warm-up (JIT)
  const n = timeStages(corpusDir);
  const n2 = timeStages(doubleDir);
  rmSync(doubleDir, { recursive: true, force: true });
  log(`content check: N=${N} load ${n.load.toFixed(0)} ms resolve ${n.resolve.toFixed(0)} ms; 2N load ${n2.load.toFixed(0)} ms resolve ${n2.resolve.toFixed(0)} ms`);
  return { n, n2 };
}

function linearityLines({ n, n2 }: Linearity): string[] {
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  return [
    'Content check alone (loadContent + resolveSite, in the bench process; best of 3 loads and 25 resolves, each after a full GC; wall / CPU):',
    '',
    '| briefings | load (read, YAML, schema, MDX analysis) | resolve (cross-references, indexes) |',
    '| ---: | ---: | ---: |',
    `| ${N} | ${ms(n.load)} / ${ms(n.loadCpu)} | ${ms(n.resolve)} / ${ms(n.resolveCpu)} |`,
    `| ${2 * N} | ${ms(n2.load)} / ${ms(n2.loadCpu)} | ${ms(n2.resolve)} / ${ms(n2.resolveCpu)} |`,
    `| ratio | ${(n2.load / n.load).toFixed(2)}× / ${(n2.loadCpu / n.loadCpu).toFixed(2)}× | ${(n2.resolve / n.resolve).toFixed(2)}× / ${(n2.resolveCpu / n.resolveCpu).toFixed(2)}× |`,
  ];
}

function linearityTarget({ n, n2 }: Linearity): string {
  const r = Math.min(n2.resolve / n.resolve, n2.resolveCpu / n.resolveCpu);
  const l = Math.min(n2.load / n.load, n2.loadCpu / n.loadCpu);
  return `- Resolution linear: doubling N multiplies resolve by ${r.toFixed(2)}× and load by ${l.toFixed(2)}× (target ≤ 2×; the best of wall and CPU ratios): ${mark(r <= 2.05 && l <= 2.05)}.`;
}

// ---------------------------------------------------------------- warm only

async function warmOnly(corpus: ReturnType<typeof generateCorpus>, corpusDir: string): Promise<void> {
  const dirs = { content: corpusDir, dist: path.join(WORK, 'dist'), cardCache: path.join(WORK, 'card-cache'), astroCache: path.join(WORK, 'astro-cache') };
  if (!existsSync(path.join(corpusDir, 'briefings'))) throw new Error('--warm-only needs the corpus of an earlier run in bench/.work/corpus');
  const edited = editOneBriefing(corpusDir);
  log(`edited the summary of ${edited}; rebuild with the caches of the earlier run (project ${path.relative(ROOT, PROJECT) || '.'})…`);
  const warm = await buildSite('warm', dirs);
  log(`warm: ${sec(warm.wallMs)}, ${warm.cards.rendered} cards re-rendered, peak ${mb(peakRss(warm))}`);
  let base: Awaited<ReturnType<typeof buildBaseline>> | undefined;
  if (!SKIP_BASELINE) {
    const bdirs = prepareBaseline(corpus);
    base = await buildBaseline('baseline-cold', bdirs);
    log(`baseline: ${sec(base.wallMs)}, ${base.pages} pages, peak ${mb(peakRss(base))}`);
  }
  const row = (name: string, s: RunStats, pages: number, cards: string) =>
    `| ${name} | ${sec(s.wallMs)} | ${base ? `${(s.wallMs / base.wallMs).toFixed(2)}×` : '–'} | ${s.cpuMs === undefined ? '–' : sec(s.cpuMs)} | ${pages} | ${cards} | ${mb(peakRss(s))} (VmHWM ${mb(s.peakHwm)}) | ${s.otherCores.toFixed(2)} |`;
  const lines = [`## N=${N} briefings, M=${M} actors: rebuild after one edit (--warm-only, project ${path.relative(ROOT, PROJECT) || '.'})`, ''];
  lines.push('| build | wall | ÷ baseline | CPU | pages | cards rendered | peak RSS | other load |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  lines.push(row('ours, rebuild after editing 1 summary', warm, warm.pages, `${warm.cards.rendered} of ${warm.cards.cards}`));
  if (base) lines.push(row('baseline (Astro+MDX+GFM), cold', base, base.pages, '–'));
  lines.push('', `Phases of the rebuild: ${Object.entries(warm.phases).map(([k, v]) => `${k} ${sec(v)}`).join(', ')}; peak RSS at ${sec(warm.peakAtMs)}.`);
  if (base) lines.push(`Baseline phases: ${Object.entries(base.phases).map(([k, v]) => `${k} ${sec(v)}`).join(', ')}.`);
  lines.push(`Output: ${mb(warm.distBytes)} in dist, ${mb(warm.htmlBytes)} of HTML (${(warm.htmlBytes / warm.pages / 1024).toFixed(0)} KiB a page).`, '', machine(), '');
  const section = lines.join('\n');
  console.log(`\n${section}`);
  writeFileSync(path.join(WORK, `results-${N}-warm.json`), JSON.stringify({ N, M, warm, base }, null, 2));
  upsertResults(section, `N=${N} rebuild`);
}

// ---------------------------------------------------------------- main

async function main() {
  mkdirSync(WORK, { recursive: true });
  const corpusDir = path.join(WORK, 'corpus');
  log(`generating ${N} briefings, ${M} actors (seed ${SEED})`);
  const corpus = generateCorpus({ briefings: N, actors: M, seed: SEED });
  if (WARM_ONLY) return warmOnly(corpus, corpusDir);
  const written = writeCorpus(corpus, corpusDir, SEED);
  log(`wrote ${written.files} files, ${written.positions} positions`);

  const checkN = timeCheck(corpusDir);
  let linearity: Linearity | undefined;
  if (!SKIP_LINEARITY) linearity = await measureLinearity(corpusDir);
  if (LINEARITY_ONLY) {
    if (!linearity) return;
    const section = [`## Content check linearity, N=${N} and ${2 * N} briefings, M=${M} actors`, '', ...linearityLines(linearity), '', machine(), ''].join('\n');
    console.log(`\n${section}`);
    upsertResults(section, `linearity N=${N}`);
    return;
  }

  const dirs = {
    content: corpusDir,
    dist: path.join(WORK, 'dist'),
    cardCache: path.join(WORK, 'card-cache'),
    astroCache: path.join(WORK, 'astro-cache'),
  };
  rmSync(dirs.cardCache, { recursive: true, force: true });
  rmSync(dirs.astroCache, { recursive: true, force: true });
  log('cold build (empty card and Astro caches)…');
  const cold = await buildSite('cold', dirs);
  log(`cold: ${sec(cold.wallMs)}, ${cold.pages} pages, ${cold.cards.rendered} cards rendered, peak ${mb(peakRss(cold))}`);

  const edited = editOneBriefing(corpusDir);
  log(`edited the summary of ${edited}; warm rebuild…`);
  const warm = await buildSite('warm', dirs);
  log(`warm: ${sec(warm.wallMs)}, ${warm.cards.rendered} cards re-rendered, peak ${mb(peakRss(warm))}`);

  let baseline: Awaited<ReturnType<typeof buildBaseline>> | undefined;
  let baselineCold: typeof baseline;
  if (!SKIP_BASELINE) {
    const bdirs = prepareBaseline(corpus);
    log('baseline build (cold)…');
    baselineCold = await buildBaseline('baseline-cold', bdirs);
    log(`baseline cold: ${sec(baselineCold.wallMs)}, ${baselineCold.pages} pages, peak ${mb(peakRss(baselineCold))}`);
    if (BASELINE_RUNS > 1) {
      log('baseline build (warm cache)…');
      baseline = await buildBaseline('baseline-warm', bdirs);
      log(`baseline warm: ${sec(baseline.wallMs)}, peak ${mb(peakRss(baseline))}`);
    }
  }

  // ------------------------------------------------------------ table
  // The reference baseline is the faster of its two builds (the stricter comparison).
  const base = baseline && baselineCold ? (baseline.wallMs <= baselineCold.wallMs ? baseline : baselineCold) : baselineCold;
  const ratio = (ms: number) => (base ? `${(ms / base.wallMs).toFixed(2)}×` : '–');
  const cardWork = cold.wallMs - warm.wallMs;
  const msPerCard = cold.cards.rendered ? cardWork / cold.cards.rendered : NaN;
  const inPoolMsPerCard = cold.cards.rendered ? cold.cards.renderMs / cold.cards.rendered : NaN;
  const peak = Math.max(peakRss(cold), peakRss(warm));
  const row = (name: string, s: RunStats, pages: number, cards: string, perCard: string) =>
    `| ${name} | ${sec(s.wallMs)} | ${base ? ratio(s.wallMs) : '–'} | ${s.cpuMs === undefined ? '–' : sec(s.cpuMs)} | ${pages} | ${cards} | ${perCard} | ${mb(peakRss(s))} | ${(s.logBytes / 1024).toFixed(0)} KiB | ${s.otherCores.toFixed(2)} |`;

  const lines: string[] = [];
  lines.push(`## N=${N} briefings, M=${M} actors (seed ${SEED})`, '');
  lines.push(`Corpus: ${N} briefings (~600 words, GFM table, <Actor>/<Cite>, some <Position>), ${M} actors (a tenth Cyrillic), ${checkN.positions} positions; checkContent: 0 errors, ${checkN.warnings} warnings.`, '');
  lines.push('| build | wall | ÷ baseline | CPU (user+sys) | pages | cards rendered | ms / card | peak RSS | log | other load (cores) |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  lines.push(row('ours, cold (empty caches)', cold, cold.pages, `${cold.cards.rendered} of ${cold.cards.cards}`, `${msPerCard.toFixed(1)} ((cold−warm)/cards); ${inPoolMsPerCard.toFixed(1)} in pool`));
  lines.push(row(`ours, rebuild after editing 1 summary`, warm, warm.pages, `${warm.cards.rendered} of ${warm.cards.cards}`, '–'));
  if (baselineCold) lines.push(row('baseline (Astro+MDX+GFM), cold', baselineCold, baselineCold.pages, '–', '–'));
  if (baseline) lines.push(row('baseline, warm cache', baseline, baseline.pages, '–', '–'));
  lines.push('');
  // Phase breakdown (from each build's log; seconds, 1 s resolution for hooks).
  const builds: [string, RunStats & { phases: Record<string, number> }][] = [['cold', cold], ['rebuild', warm]];
  if (base) builds.push(['baseline', base]);
  const phaseNames = [...new Set(builds.flatMap(([, b]) => Object.keys(b.phases)))];
  lines.push('Where the wall time went (from the build logs):', '');
  lines.push(`| phase | ${builds.map(([n]) => n).join(' | ')} |`, `| --- | ${builds.map(() => '---:').join(' | ')} |`);
  for (const phase of phaseNames) lines.push(`| ${phase} | ${builds.map(([, b]) => (b.phases[phase] === undefined ? '–' : sec(b.phases[phase]!))).join(' | ')} |`);
  lines.push(`| rest (startup, config, sitemap, …) | ${builds.map(([, b]) => sec(b.wallMs - Object.values(b.phases).reduce((x, y) => x + y, 0))).join(' | ')} |`, '');
  lines.push(`"Other load" is the average number of cores that processes other than the build kept busy during it (the machine is shared); above ~0.2 the wall times are inflated.`, '');
  lines.push(`Peak RSS is the highest of: the 100 ms /proc poll of the process tree (summed VmRSS), the kernel's VmHWM of any process in it, and GNU time's max RSS. Cold: poll ${mb(cold.peakTreeRss)} (at ${sec(cold.peakAtMs)} of ${sec(cold.wallMs)}), VmHWM ${mb(cold.peakHwm)}, GNU time ${cold.gnuTimeMaxRss ? mb(cold.gnuTimeMaxRss) : 'n/a'}.`, '');
  lines.push(`Output: ${mb(cold.distBytes)} in dist (${mb(cold.htmlBytes)} of HTML in ${cold.pages} pages, ${(cold.htmlBytes / cold.pages / 1024).toFixed(0)} KiB a page on average).`, '');
  lines.push(`Card stage (last-build.json): cold ${sec(cold.cards.ms)} for ${cold.cards.cards} cards (${sec(cold.cards.renderMs)} rendering ${cold.cards.rendered} in the pool, ${inPoolMsPerCard.toFixed(1)} ms wall a card on ${os.availableParallelism()} threads); rebuild ${sec(warm.cards.ms)} (${warm.cards.rendered} rendered, ${warm.cards.fromCache} copied from cache). Largest PNG ${(cold.cards.maxBytes / 1024).toFixed(0)} KiB.`, '');
  lines.push(`In-build content check: \`${cold.contentCheckedLine ?? 'n/a'}\` (logged once per build). MODULE_LEVEL_DIRECTIVE warnings in the log: ours ${cold.directiveWarnings} (cold), baseline ${baselineCold?.directiveWarnings ?? 'n/a'}.`, '');
  if (linearity) lines.push(...linearityLines(linearity), '');

  lines.push('Targets:', '');
  if (base) {
    const r = warm.wallMs / base.wallMs;
    lines.push(`- Pages: rebuild after one edit ÷ baseline = ${r.toFixed(2)}× (target ≤ 1.5×, stretch ≤ 1.2×): ${mark(r <= 1.5)}${r <= 1.2 ? ' (stretch met)' : ''}; we build ${warm.pages} pages, the baseline ${base.pages} (${(warm.pages / base.pages).toFixed(1)}×).`);
  } else lines.push('- Pages: baseline skipped.');
  const cpuPerCard = cold.cpuMs !== undefined && warm.cpuMs !== undefined && cold.cards.rendered ? (cold.cpuMs - warm.cpuMs) / cold.cards.rendered : NaN;
  lines.push(`- Cards: (cold − rebuild) ÷ cards rendered = ${msPerCard.toFixed(1)} ms a card (target ≤ 20): ${mark(msPerCard <= 20)}. In CPU time: ${cpuPerCard.toFixed(1)} ms a card, so the floor on ${os.availableParallelism()} cores is ${(cpuPerCard / os.availableParallelism()).toFixed(1)} ms wall.`);
  lines.push(`- Rebuild re-renders only changed cards: ${warm.cards.rendered} re-rendered after editing one summary (expected 1): ${mark(warm.cards.rendered === 1)}.`);
  lines.push(`- Peak RSS: ${mb(peak)} (target < 1,500 MB): ${mark(peak < 1.5e9)}.`);
  if (linearity) lines.push(linearityTarget(linearity));
  lines.push('', machine(), '');

  const section = lines.join('\n');
  console.log(`\n${section}`);
  writeFileSync(path.join(WORK, `results-${N}.json`), JSON.stringify({ N, M, SEED, cold, warm, baselineCold, baseline, linearity, checkN }, null, 2));
  upsertResults(section, `N=${N}`);
  log(`wrote bench/RESULTS.md (section N=${N}) and bench/.work/results-${N}.json`);
}

if (import.meta.main) await main();

/** A fresh copy of the plain-Astro baseline project with the corpus's bodies, and an empty Astro cache. */
function prepareBaseline(corpus: Parameters<typeof writeBaselineBodies>[0]) {
  const project = path.join(WORK, 'baseline');
  rmSync(project, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'bench/baseline'), project, { recursive: true });
  writeBaselineBodies(corpus, path.join(project, 'src/bodies'));
  const dirs = { project, dist: path.join(WORK, 'baseline-dist'), astroCache: path.join(WORK, 'baseline-cache') };
  rmSync(dirs.astroCache, { recursive: true, force: true });
  return dirs;
}
