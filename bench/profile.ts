/**
 * Summarises V8 CPU profiles (`node --cpu-prof`) without a browser:
 *
 *   node bench/profile.ts <file.cpuprofile | dir> [--top 30] [--focus name]
 *
 * Prints self time by package (node_modules/<pkg>, src/…, node: internals, GC,
 * idle), self time by function, and inclusive time of the heaviest functions.
 * `--window 80-150` keeps the samples between those seconds; `--timeline 10` prints
 * the busy share of each 10 s instead. `--focus name` prints the callers and callees of functions matching `name`.
 * A directory is read as all of its profiles (one per thread), each summarised.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from './generate.ts';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[]; hitCount?: number }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

export function packageOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return '(gc)';
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(program)') return '(program)';
    return '(native)';
  }
  if (url.startsWith('node:')) return 'node:internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.indexOf('/src/');
  if (src >= 0) return `src/${url.slice(src + 5).split('/')[0]}`;
  if (url.includes('/dist/')) return 'dist (built site code)';
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

/** Busy (non-idle) milliseconds in each `bucket`-second slice of the profile: a timeline of the thread. */
export function timeline(file: string, bucket = 10): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const busy: number[] = [];
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += (profile.timeDeltas[i] ?? 0) / 1000;
    const name = byId.get(profile.samples[i]!)!.callFrame.functionName;
    if (name === '(idle)') continue;
    const b = Math.floor(t / 1000 / bucket);
    busy[b] = (busy[b] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  }
  return [...busy].map((ms = 0, b) => `${String(b * bucket).padStart(5)}s ${'#'.repeat(Math.round((ms / (bucket * 1000)) * 40))} ${((ms / (bucket * 1000)) * 100).toFixed(0)}%`).join('\n');
}

export function summarize(file: string, top = 30, focus?: string, window?: [number, number]): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  if (window) {
    // Keep only the samples between window[0] and window[1] seconds after the start.
    let t = 0;
    const samples: number[] = [];
    const deltas: number[] = [];
    for (let i = 0; i < profile.samples.length; i++) {
      t += (profile.timeDeltas[i] ?? 0) / 1e6;
      if (t >= window[0] && t < window[1]) {
        samples.push(profile.samples[i]!);
        deltas.push(profile.timeDeltas[i]!);
      }
    }
    profile.samples = samples;
    profile.timeDeltas = deltas;
    profile.startTime = profile.startTime + window[0] * 1e6;
    profile.endTime = Math.min(profile.endTime, profile.startTime + (window[1] - window[0]) * 1e6);
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const key = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/main\//, '')}:${f.lineNumber + 1}`;

  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    byFunction.set(key(node.callFrame), (byFunction.get(key(node.callFrame)) ?? 0) + ms);
    // Inclusive: every distinct function on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2).padStart(8)} s ${((ms / total) * 100).toFixed(1).padStart(5)}%`;
  const table = (title: string, map: Map<string, number>, n: number) =>
    [`## ${title}`, ...[...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${fmt(ms)}  ${k}`)].join('\n');

  const out = [`# ${path.basename(file)}: ${(total / 1000).toFixed(1)} s profiled, ${profile.samples.length} samples`];
  out.push(table('self time by package', byPackage, 25));
  out.push(table('self time by function', byFunction, top));
  out.push(table('inclusive time by function', new Map([...inclusive].filter(([k]) => !k.startsWith('(root)'))), top));
  if (focus) {
    const callers = new Map<string, number>();
    const callees = new Map<string, number>();
    for (const [id, ms] of self) {
      const stack: string[] = [];
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(key(byId.get(cur)!.callFrame));
      const at = stack.findIndex((k) => k.includes(focus));
      if (at < 0) continue;
      const caller = stack[at + 1];
      if (caller) callers.set(`${stack[at]} ← ${caller}`, (callers.get(`${stack[at]} ← ${caller}`) ?? 0) + ms);
      const callee = at > 0 ? stack[at - 1]! : '(self)';
      callees.set(callee, (callees.get(callee) ?? 0) + ms);
    }
    out.push(table(`callers of "${focus}"`, callers, top));
    out.push(table(`direct callees of "${focus}"`, callees, top));
  }
  return out.join('\n\n');
}

if (import.meta.main) {
  const args = parseArgs(process.argv.slice(2));
  const target = process.argv.slice(2).find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  if (!target) throw new Error('usage: node bench/profile.ts <file.cpuprofile | dir> [--top 30] [--focus name]');
  const files = statSync(target).isDirectory()
    ? readdirSync(target).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(target, f))
    : [target];
  const window = typeof args.window === 'string' ? (args.window.split('-').map(Number) as [number, number]) : undefined;
  for (const file of files) {
    if (args.timeline) console.log(`# ${path.basename(file)}: busy share of each ${args.timeline === true ? 10 : args.timeline} s\n${timeline(file, args.timeline === true ? 10 : Number(args.timeline))}\n`);
    else console.log(`${summarize(file, Number(args.top ?? 30), typeof args.focus === 'string' ? args.focus : undefined, window)}\n`);
  }
}
