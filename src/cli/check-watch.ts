/**
 * `npm run check -- --watch`: for authors who work outside the dev server. After the
 * first full report, every save checks the whole folder again (the same checkContent,
 * so it can never disagree with the build) and prints only what changed: the findings
 * that are new and those that are fixed, then one line with where things stand.
 */
import { existsSync, mkdtempSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatDiagnostic, summarize, type Diagnostic } from '../pipeline/diagnostics.ts';
import { checkOnce, escapeBidi, type CheckOptions, type CheckReport } from './check.ts';
import { displayPath, type CliIo } from './io.ts';

/** Saves closer together than this are one change (editors write a file in several steps). */
const SETTLE_MS = 120;

/**
 * A finding's identity across checks: where it is in the file is left out, so a
 * finding that only moved (a line added above it) is neither new nor fixed.
 */
const identity = (d: Diagnostic) => [d.file, d.severity, d.code, d.message].join('\0');

export interface FindingChanges {
  added: Diagnostic[];
  fixed: Diagnostic[];
}

/** What a check found that the one before did not, and what it no longer finds (as multisets). */
export function diffFindings(before: readonly Diagnostic[], after: readonly Diagnostic[]): FindingChanges {
  const count = (list: readonly Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of list) counts.set(identity(d), (counts.get(identity(d)) ?? 0) + 1);
    return counts;
  };
  const take = (list: readonly Diagnostic[], other: Map<string, number>) =>
    list.filter((d) => {
      const left = other.get(identity(d)) ?? 0;
      if (left > 0) other.set(identity(d), left - 1);
      return left === 0;
    });
  return { added: take(after, count(before)), fixed: take(before, count(after)) };
}

/** "content/briefings/a.mdx: 1 new, 1 fixed (2 errors, 0 warnings)" and the findings, one a line. */
export function formatChanges(changed: readonly string[], changes: FindingChanges, report: CheckReport): string {
  const what = changed.length ? changed.join(', ') : 'content';
  const counts = changes.added.length || changes.fixed.length ? [changes.added.length && `${changes.added.length} new`, changes.fixed.length && `${changes.fixed.length} fixed`].filter(Boolean).join(', ') : 'no change';
  const lines = [`${what}: ${counts} (${summarize(report.diagnostics)})`];
  for (const d of changes.added) lines.push(`  new:   ${formatDiagnostic(d)}`);
  for (const d of changes.fixed) lines.push(`  fixed: ${formatDiagnostic(d)}`);
  return `${escapeBidi(lines.join('\n'))}\n`;
}

/** Watches the content folder until the process ends; `last` is the report already printed. */
export function watchContent(options: CheckOptions, io: CliIo, last: CheckReport): { close(): void } {
  // Body analyses are kept between checks, so a save re-parses only the body that changed.
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'briefing-check-watch-'));
  const cacheFile = path.join(cacheDir, 'analyses.json');
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const recheck = () => {
    timer = undefined;
    // Name the content files saved or deleted, not an editor's or a tool's temporary files.
    const names = [...changed].filter((name) => /\.(mdx?|txt)$/.test(name) || existsSync(path.resolve(io.cwd, name))).sort();
    changed.clear();
    const report = checkOnce(options, io, cacheFile);
    io.stdout(formatChanges(names, diffFindings(last.diagnostics, report.diagnostics), report));
    last = report;
  };
  // The folders themselves, not each file: editors that save by writing a new file and
  // renaming it over the old one would leave a watcher on the old file deaf.
  const folders = [options.contentDir, ...['actors', 'briefings'].map((sub) => path.join(options.contentDir, sub)).filter((dir) => existsSync(dir))];
  const watchers = folders.map((dir) =>
    watch(dir, (_event, name) => {
      if (name && !/^\.|~$|\.sw.$/.test(name.toString())) changed.add(displayPath(io.cwd, path.join(dir, name.toString())));
      clearTimeout(timer);
      timer = setTimeout(recheck, SETTLE_MS);
    }),
  );
  const close = () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    rmSync(cacheDir, { recursive: true, force: true });
  };
  process.once('exit', close);
  io.stdout(`Watching ${displayPath(io.cwd, options.contentDir) || '.'}/ for changes (Ctrl-C to stop)\n`);
  return { close };
}
