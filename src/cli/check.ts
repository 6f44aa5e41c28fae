import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { BIDI_CONTROLS } from '../schemas/common.ts';
import { formatDiagnostic, summarize, type Diagnostic } from '../pipeline/diagnostics.ts';
import { allowMdxCodeFromEnv, contentDirFor, nowFromEnv } from '../config/settings.ts';
import { checkContent } from '../pipeline/content-check.ts';
import { plural } from '../util/format.ts';
import { createBodyPool, POOL_THRESHOLD } from '../pipeline/load/analysis-pool.ts';
import { watchContent } from './check-watch.ts';
import { displayPath, EXIT, parseArguments, parseCommandLine, UsageError, type CliIo } from './io.ts';

export const CHECK_USAGE = `Usage: npm run check -- [--content <dir>] [--drafts] [--format text|json] [--watch]

Checks every actor and briefing under the content folder, exactly as
\`npm run build\` does before it builds, and reports every problem at once.

  --content <dir>   content folder holding actors/ and briefings/
                    (default: $CONTENT_DIR, else ./content)
  --drafts          also check references in draft briefings
                    (their frontmatter and body syntax are always checked)
  --format json     print the findings as JSON instead of text
  --watch           check again on every save and print only what changed:
                    the findings that are new and those that are fixed
                    (text only; stop with Ctrl-C)
  --threads <n>     worker threads that parse bodies while the main thread
                    reads frontmatter (default: cores - 1, from ${POOL_THRESHOLD}
                    briefings on; 0 does everything in the main thread)
  --help            show this help

Environment: BRIEFINGS_NOW=2022-01-14T09:00:00+03:00 (or BRIEFINGS_TODAY=YYYY-MM-DD)
sets "now" for the future-date checks and the publishing schedule;
BRIEFINGS_ALLOW_MDX_CODE=1 allows import/export and {expressions} in bodies.
Exit code: 0 when there is no error (warnings alone are fine), 1 when there
is at least one error, 2 when the command itself is wrong.
`;

/** What `--format json` prints: stable, for CI annotations and editors. */
export interface CheckReport {
  ok: boolean;
  /** Same words as the text summary, e.g. "2 errors, 1 warning". */
  summary: string;
  errorCount: number;
  warningCount: number;
  /** The content folder: relative to the working directory when inside it, else absolute. */
  contentDir: string;
  files: { briefings: number; actors: number };
  durationMs: number;
  /** Sorted by file, line, column; `file` is relative to the working directory. */
  diagnostics: Diagnostic[];
}

export type CheckOptions = ReturnType<typeof parseCheckArgs>;

/**
 * `npm run check`: returns the exit code. With `--watch` it returns that of the first
 * check and goes on watching (cli/check-watch.ts) until the process is stopped.
 */
export function runCheck(argv: readonly string[], io: CliIo): number {
  const args = parseArguments('check', CHECK_USAGE, io, () => parseCheckArgs(argv, io), (o): o is typeof o & { help: true } => o.help === true);
  if ('exit' in args) return args.exit;
  const options = args.parsed;
  const report = checkOnce(options, io);
  printReport(report, options.format, io);
  if (options.watch) watchContent(options, io, report);
  return report.ok ? EXIT.ok : EXIT.problems;
}

/** One check of the whole content folder, as the report `--format json` prints. */
export function checkOnce(options: CheckOptions, io: CliIo, analysisCacheFile?: string): CheckReport {
  const started = performance.now();
  const files = countFiles(options.contentDir);
  // The main thread reads frontmatter meanwhile, so one core is left for it.
  const threads = options.threads ?? (files.briefings >= POOL_THRESHOLD ? Math.max(1, Math.min(3, availableParallelism() - 1)) : 0);
  const pool = threads > 0 ? createBodyPool({ threads }) : undefined;
  let result;
  try {
    result = checkContent({
      root: io.cwd,
      contentDir: options.contentDir,
      includeDrafts: options.drafts,
      today: options.today,
      now: options.now,
      allowMdxCode: allowMdxCodeFromEnv(io.env),
      bodyAnalyzer: pool,
      analysisCacheFile,
    });
  } finally {
    pool?.close();
  }
  const report: CheckReport = {
    ok: result.errorCount === 0,
    summary: summarize(result.diagnostics),
    errorCount: result.errorCount,
    warningCount: result.diagnostics.length - result.errorCount,
    contentDir: displayPath(io.cwd, options.contentDir),
    files,
    durationMs: Math.round(performance.now() - started),
    diagnostics: result.diagnostics,
  };
  return report;
}

function printReport(report: CheckReport, format: 'text' | 'json', io: CliIo): void {
  // The output escapes bidi controls as \u202E: printed raw, they would reorder
  // the very message that reports them. (In JSON it is the same string once parsed.)
  if (format === 'json') {
    io.stdout(`${escapeBidi(JSON.stringify(report, null, 2))}\n`);
  } else {
    const lines = report.diagnostics.map(formatDiagnostic);
    if (lines.length) lines.push('');
    lines.push(summaryLine(report));
    io.stdout(`${escapeBidi(lines.join('\n'))}\n`);
  }
}

/** "2 errors, 1 warning in 3 briefings and 10 actors (content/, 41 ms)". */
export function summaryLine(report: CheckReport): string {
  const where = report.contentDir === '' ? '.' : report.contentDir.replace(/\/+$/, '');
  return `${report.summary} in ${plural(report.files.briefings, 'briefing', { grouped: true })} and ${plural(report.files.actors, 'actor', { grouped: true })} (${where}/, ${report.durationMs} ms)`;
}

function parseCheckArgs(argv: readonly string[], io: CliIo) {
  const parsed = parseCommandLine({
    args: [...argv],
    options: {
      content: { type: 'string' },
      drafts: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      threads: { type: 'string' },
      watch: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
    strict: true,
  });
  const { values } = parsed;
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format must be "text" or "json" (got "${values.format}")`);
  }
  if (values.watch && values.format === 'json') {
    throw new UsageError('--watch prints what changed as text; use --format json without --watch');
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0 && threads <= 64)) {
    throw new UsageError(`--threads must be a whole number from 0 to 64 (got "${values.threads}")`);
  }
  const contentDir = contentDirFor(io.cwd, values.content, io.env);
  if (!values.help) assertContentDir(contentDir, io.cwd);
  const today = io.env.BRIEFINGS_TODAY;
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    throw new UsageError(`BRIEFINGS_TODAY must be a date written YYYY-MM-DD (got "${today}")`);
  }
  let now: Date;
  try {
    now = nowFromEnv(io.env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    help: values.help,
    format: values.format as 'text' | 'json',
    drafts: values.drafts,
    watch: values.watch,
    threads,
    contentDir,
    today: today ?? now.toISOString().slice(0, 10),
    now,
  };
}

const BIDI = new RegExp(BIDI_CONTROLS.source, 'g');
export function escapeBidi(text: string): string {
  return text.replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A mistyped --content would otherwise "pass" with nothing checked. */
export function assertContentDir(contentDir: string, cwd: string): void {
  const shown = displayPath(cwd, contentDir) || '.';
  if (!isDirectory(contentDir)) throw new UsageError(`content folder "${shown}" does not exist`);
  if (!isDirectory(path.join(contentDir, 'actors')) && !isDirectory(path.join(contentDir, 'briefings'))) {
    throw new UsageError(`"${shown}" has neither an actors/ nor a briefings/ folder; is it a content folder?`);
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function countFiles(contentDir: string): { briefings: number; actors: number } {
  const count = (sub: string, pattern: RegExp) => {
    try {
      return readdirSync(path.join(contentDir, sub)).filter((name) => pattern.test(name) && !/^[._]/.test(name)).length;
    } catch {
      return 0;
    }
  };
  return { briefings: count('briefings', /\.mdx?$/), actors: count('actors', /\.md$/) };
}
