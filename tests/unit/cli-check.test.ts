import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCheck, type CheckReport } from '../../src/cli/check.ts';
import { createBodyPool, POOL_THRESHOLD } from '../../src/pipeline/load/analysis-pool.ts';
import { analyzeBody } from '../../src/pipeline/load/analyze-body.ts';
import type { CliIo } from '../../src/cli/io.ts';
import type { Diagnostic } from '../../src/pipeline/diagnostics.ts';
import { checkContent } from '../../src/pipeline/content-check.ts';
import { edit, FIXTURES, PROJECT_ROOT, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { positionOf } from '../helpers/text.ts';

const NODE = process.execPath;
const CHECK_SCRIPT = path.join(PROJECT_ROOT, 'scripts/check.ts');
const MISTAKES = 'tests/fixtures/mistakes/content';
const TODAY = '2026-01-01';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function corpus(fixture?: string): TempCorpus {
  const c = tempCorpus(fixture);
  cleanups.push(() => c.cleanup());
  return c;
}

/** `node scripts/check.ts …` as `npm run check` runs it, from the project root. */
function checkCommand(args: string[], env: Record<string, string> = {}) {
  const { BRIEFINGS_ALLOW_MDX_CODE: _a, CONTENT_DIR: _c, ...inherited } = process.env;
  const result = spawnSync(NODE, [CHECK_SCRIPT, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...inherited, BRIEFINGS_TODAY: TODAY, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** runCheck in-process, with its own working directory and environment. */
function runIn(cwd: string, argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env: { BRIEFINGS_TODAY: TODAY, ...env }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = runCheck(argv, io);
  return { code, stdout, stderr };
}

// ---------------------------------------------------------------------------
// The "Done when" of issue 6: one run reports every seeded mistake at its place.

interface Expected {
  /** Path under the mistakes fixture's content folder. */
  file: string;
  /** The text the diagnostic must point at: its first character is the line and column. */
  at: string;
  severity: Diagnostic['severity'];
  code: string;
  says: string[];
}

const EXPECTED: Expected[] = [
  // Dates
  { file: 'briefings/talks.mdx', at: '2022-01-15', severity: 'error', code: 'position-after-briefing', says: ['"adams-later-remark"', '2022-01-15', "after the briefing's update (2022-01-12)"] },
  { file: 'briefings/ahead-of-time.mdx', at: '2026-03-01', severity: 'error', code: 'position-in-future', says: ['"brown-future-promise"', '2026-03-01', 'in the future'] },
  { file: 'briefings/impossible-date.mdx', at: '2022-02-30', severity: 'error', code: 'invalid-field', says: ['"date"', 'not a real calendar date', '2022-02-30'] },
  // Tidiness warnings
  { file: 'briefings/talks.mdx', at: 'background-paper', severity: 'warning', code: 'uncited-source', says: ['"background-paper"', 'never cited'] },
  { file: 'actors/lonely-org.md', at: '---', severity: 'warning', code: 'unreferenced-actor', says: ['"lonely-org"', 'not referenced'] },
  { file: 'actors/robert-brown.md', at: '"Bob Brown"', severity: 'warning', code: 'duplicate-actor-name', says: ['"Bob Brown"', 'actor "bob-brown"'] },
  // A character no share-card font can draw
  { file: 'actors/lonely-org.md', at: '"Keepers of', severity: 'warning', code: 'uncovered-character', says: ['role has "𓂀" (U+13080)', 'share-card font', '"\uFFFD"'] },
  // Components in the body
  { file: 'briefings/talks.mdx', at: '<Actor />', severity: 'error', code: 'component-missing-attribute', says: ['<Actor> needs an id="…" attribute'] },
  { file: 'briefings/talks.mdx', at: 'sorce="transcript"', severity: 'error', code: 'component-missing-attribute', says: ['<Cite> needs a source="…" attribute', 'sorce', 'did you mean "source"?'] },
  { file: 'briefings/talks.mdx', at: 'id="alice-adam"', severity: 'error', code: 'unknown-actor', says: ['"alice-adam"', 'did you mean "alice-adams"?'] },
  { file: 'briefings/talks.mdx', at: 'source="wrie"', severity: 'error', code: 'unknown-source', says: ['"wrie"', 'did you mean "wire"?'] },
  { file: 'briefings/talks.mdx', at: 'id="adams-no-dael"', severity: 'error', code: 'unknown-position', says: ['"adams-no-dael"', 'did you mean "adams-no-deal"?'] },
  // A misspelled id in the frontmatter
  { file: 'briefings/talks.mdx', at: 'bob-browne', severity: 'error', code: 'unknown-actor', says: ['positions.1.actor', '"bob-browne"', 'did you mean "bob-brown"?'] },
  // Code in MDX
  { file: 'briefings/code.mdx', at: "import fs from 'node:fs'", severity: 'error', code: 'body-esm', says: ['`import`/`export`', 'not allowed'] },
  { file: 'briefings/code.mdx', at: '{process.env.SECRET}', severity: 'error', code: 'body-expression', says: ['{process.env.SECRET}', 'not allowed'] },
  // Bidi controls in names and titles
  { file: 'actors/eve-evans.md', at: '"Eve \\u202EEvans"', severity: 'error', code: 'invalid-field', says: ['"name"', 'bidirectional control'] },
  { file: 'actors/eve-evans.md', at: '"E. \\u2066Evans"', severity: 'error', code: 'invalid-field', says: ['"aliases.0"', 'bidirectional control'] },
  { file: 'briefings/bidi-title.mdx', at: '"Talks \\u202Eseklat"', severity: 'error', code: 'invalid-field', says: ['"title"', 'bidirectional control'] },
  { file: 'briefings/bidi-title.mdx', at: '"Wire \\u2067report"', severity: 'error', code: 'invalid-field', says: ['"sources.0.title"', 'bidirectional control'] },
  // A misspelled field name: one error, though it also leaves "summary" missing (one mistake, one error)
  { file: 'briefings/typo-field.mdx', at: 'sumary: The', severity: 'error', code: 'unknown-field', says: ['"sumary"', 'did you mean "summary"?'] },
];

function expectedPlace(e: Expected) {
  const text = readFileSync(path.join(PROJECT_ROOT, MISTAKES, e.file), 'utf8');
  return { file: `${MISTAKES}/${e.file}`, ...positionOf(text, e.at) };
}

describe('npm run check on a corpus seeded with one of each mistake', () => {
  let json: ReturnType<typeof checkCommand>;
  let report: CheckReport;
  beforeAll(() => {
    json = checkCommand(['--content', MISTAKES, '--format', 'json']);
    report = JSON.parse(json.stdout) as CheckReport;
  });

  test('exits 1 and says so in the report', () => {
    expect(json.stderr).toBe('');
    expect(json.status).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.errorCount).toBe(EXPECTED.filter((e) => e.severity === 'error').length);
    expect(report.warningCount).toBe(EXPECTED.filter((e) => e.severity === 'warning').length);
    expect(report.summary).toBe(`${report.errorCount} errors, ${report.warningCount} warnings`);
    expect(report.files).toEqual({ briefings: 6, actors: 6 });
    expect(report.contentDir).toBe(MISTAKES);
  });

  test.each(EXPECTED.map((e) => [`${e.code} in ${e.file} at ${JSON.stringify(e.at)}`, e] as const))('reports %s', (_, e) => {
    const place = expectedPlace(e);
    const found = report.diagnostics.filter((d) => d.file === place.file && d.line === place.line && d.code === e.code);
    expect(found, `diagnostics were:\n${json.stdout}`).toHaveLength(1);
    const [d] = found;
    expect(d!.severity).toBe(e.severity);
    expect(d!.column).toBe(place.column);
    for (const fragment of e.says) expect(d!.message).toContain(fragment);
  });

  test('reports nothing else', () => {
    const expected = EXPECTED.map((e) => {
      const place = expectedPlace(e);
      return `${place.file}:${place.line}:${place.column} ${e.code}`;
    }).sort();
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).sort()).toEqual(expected);
  });

  test('prints the same findings as text: one `path:line:column: severity: message [code]` line each, then a summary', () => {
    const text = checkCommand(['--content', MISTAKES]);
    expect(text.status).toBe(1);
    const lines = text.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(report.diagnostics.length);
    lines.forEach((line, i) => {
      const d = report.diagnostics[i]!;
      // Bidi controls are printed escaped, so a message cannot reorder itself on screen.
      const message = d.message.replace(/[\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
      expect(line).toBe(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${message} [${d.code}]`);
    });
    expect(text.stdout).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(summary).toMatch(/^16 errors, 4 warnings in 6 briefings and 6 actors \(tests\/fixtures\/mistakes\/content\/, \d+ ms\)$/);
  });

  test("the VS Code task's problem matcher (.vscode/tasks.json) reads every finding at its place", () => {
    const tasks = JSON.parse(readFileSync(path.join(PROJECT_ROOT, '.vscode/tasks.json'), 'utf8')) as {
      tasks: { command: string; problemMatcher: { pattern: Record<string, number> & { regexp: string } } }[];
    };
    const text = checkCommand(['--content', MISTAKES]).stdout;
    for (const task of tasks.tasks) {
      expect(task.command).toMatch(/^npm run check\b/);
      const { regexp, ...groups } = task.problemMatcher.pattern;
      const matcher = new RegExp(regexp);
      const matched = text.split('\n').flatMap((line) => {
        const m = matcher.exec(line);
        return m ? [{ file: m[groups.file!], line: Number(m[groups.line!]), column: Number(m[groups.column!]), severity: m[groups.severity!], code: m[groups.code!] }] : [];
      });
      expect(matched).toEqual(report.diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code })));
    }
  });
});

// ---------------------------------------------------------------------------

describe('npm run check: exit codes and options', () => {
  test('the shipped example content passes with no finding at all', () => {
    const result = checkCommand([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^0 errors, 0 warnings in \d+ briefings and \d+ actors \(content\/, \d+ ms\)\n$/);
  });

  test('warnings alone exit 0', () => {
    const c = corpus('basic');
    c.write('actors/nobody.md', '---\nname: Nobody\nkind: person\n---\n');
    const result = runIn(c.root, []);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('content/actors/nobody.md:1:1: warning: actor "nobody" is not referenced');
    expect(result.stdout).toMatch(/\n\n0 errors, 1 warning in \d+ briefings and \d+ actors \(content\/, \d+ ms\)\n$/);
  });

  test('--drafts also checks the references of draft briefings', () => {
    const c = corpus('basic');
    edit(c, 'briefings/secret-plan.mdx', 'actor: alice-adams', 'actor: alice-adamz');
    expect(runIn(c.root, []).code).toBe(0);
    const withDrafts = runIn(c.root, ['--drafts']);
    expect(withDrafts.code).toBe(1);
    const { line, column } = positionOf(c.read('briefings/secret-plan.mdx'), 'alice-adamz');
    expect(withDrafts.stdout).toContain(`content/briefings/secret-plan.mdx:${line}:${column}: error: positions.0.actor: unknown actor id "alice-adamz" (did you mean "alice-adams"?) [unknown-actor]`);
  });

  test('--content, else $CONTENT_DIR, else ./content', () => {
    const c = corpus('basic');
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'briefing-cwd-'));
    cleanups.push(() => rmSync(elsewhere, { recursive: true, force: true }));
    expect(runIn(c.root, []).stdout).toContain('(content/,');
    expect(runIn(elsewhere, ['--content', c.contentDir]).stdout).toContain(` actors (${c.contentDir}/,`);
    expect(runIn(elsewhere, [], { CONTENT_DIR: c.contentDir }).stdout).toContain(` actors (${c.contentDir}/,`);
    expect(runIn(elsewhere, []).code).toBe(2);
  });

  test('BRIEFINGS_ALLOW_MDX_CODE=1 lets import/export and expressions through', () => {
    const c = corpus('basic');
    c.write('briefings/code.mdx', readFileSync(path.join(FIXTURES, 'mistakes/content/briefings/code.mdx'), 'utf8').replace('actors: [bob-brown]', 'actors: [alice-adams]'));
    const refused = runIn(c.root, ['--format', 'json']);
    expect((JSON.parse(refused.stdout) as CheckReport).diagnostics.map((d) => d.code)).toEqual(['body-esm', 'body-expression']);
    const allowed = runIn(c.root, ['--format', 'json'], { BRIEFINGS_ALLOW_MDX_CODE: '1' });
    expect(allowed.code).toBe(0);
    expect((JSON.parse(allowed.stdout) as CheckReport).diagnostics).toEqual([]);
  });

  test('with code allowed, an imported component is known and a misspelled one still is not', () => {
    const c = corpus('basic');
    c.write('briefings/chart.mdx', [
      '---', 'title: Chart', 'summary: S.', 'date: 2022-01-11', 'actors: [alice-adams]', '---', '',
      "import Chart from '../../src/components/Chart.astro'", '', '<Chart />', '', '<Chrat />', '',
    ].join('\n'));
    const result = runIn(c.root, ['--format', 'json'], { BRIEFINGS_ALLOW_MDX_CODE: '1' });
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['12 body-unknown-component']);
  });

  test.each([
    [['--format', 'xml'], '--format must be "text" or "json"'],
    [['--content', 'no/such/folder'], 'does not exist'],
    [['--content', 'src'], 'neither an actors/ nor a briefings/ folder'],
    [['extra'], 'positional'],
    [['--bogus'], 'bogus'],
    [['--threads', 'many'], '--threads must be a whole number'],
    [['--watch', '--format', 'json'], '--watch prints what changed as text'],
  ])('%j is a usage error: exit 2, message and usage on stderr', (argv, fragment) => {
    const result = runIn(PROJECT_ROOT, argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(fragment);
    expect(result.stderr).toContain('Usage: npm run check');
  });

  test('BRIEFINGS_TODAY must be a date', () => {
    expect(runIn(PROJECT_ROOT, [], { BRIEFINGS_TODAY: 'tomorrow' }).code).toBe(2);
  });

  test('--help prints the usage and exits 0', () => {
    const result = runIn(PROJECT_ROOT, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--content <dir>');
  });
});

// ---------------------------------------------------------------------------
// A large corpus: the worker pool gives the same answer, and 1,000 briefings check in seconds.

const WORDS = 'officials said the new proposal would be reviewed before the next round of talks in Geneva'.split(' ');

/** Writes `count` briefings (about 600 words each, with a table, components, sources and positions) and their actors. */
function writeCorpus(dir: string, count: number, mistakes = false): void {
  mkdirSync(path.join(dir, 'actors'), { recursive: true });
  mkdirSync(path.join(dir, 'briefings'), { recursive: true });
  const actors = Math.max(10, Math.round(count / 5));
  for (let a = 0; a < actors; a++) {
    writeFileSync(path.join(dir, 'actors', `actor-${a}.md`), `---\nname: "Actor ${a}"\nkind: person\nrole: Envoy\naliases: ["Актор ${a}"]\n---\nA short bio.\n`);
  }
  for (let b = 0; b < count; b++) {
    const actor = (k: number) => `actor-${(b * 3 + k) % actors}`;
    const paragraphs: string[] = [];
    for (let p = 0; p < 12; p++) {
      const words = Array.from({ length: 48 }, (_, w) => WORDS[(b + p + w) % WORDS.length]).join(' ');
      paragraphs.push(`<Actor id="${actor(p % 3)}" /> ${words}.<Cite source="s${p % 3}" /> See www.example.org/${b}/${p}.`);
    }
    paragraphs.splice(4, 0, '| Day | Venue | Outcome |\n| --- | --- | --- |\n| Mon | Geneva | No deal |\n| Tue | Vienna | Talks go on |');
    paragraphs.push(`<Position id="p-${b}-0" />`);
    if (mistakes && b % 50 === 7) paragraphs.push('<Cite sorce="s0" /> <Actor id="actor-x" /> {1 + 1}');
    const sources = [0, 1, 2].map((s) => `  - id: s${s}\n    title: "Source ${s} of briefing ${b}"\n    publisher: Wire\n    url: https://example.org/${b}/${s}\n    date: "2022-01-0${s + 1}"`);
    const positions = [0, 1, 2, 3].map((p) => `  - id: p-${b}-${p}\n    actor: ${actor(p % 3)}\n    stance: "Actor ${p} says something about round ${b}."\n    date: "2022-01-0${p + 1}"\n    topic: talks\n    sources: [s${p % 3}]`);
    writeFileSync(
      path.join(dir, 'briefings', `briefing-${String(b).padStart(4, '0')}.mdx`),
      `---\ntitle: "Briefing ${b}"\nsummary: "Summary of briefing ${b}."\ndate: "2022-01-05"\ntopics: [talks]\nactors: [${actor(0)}]\nsources:\n${sources.join('\n')}\npositions:\n${positions.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`,
    );
  }
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('npm run check on a large corpus', () => {
  test(`the worker pool (from ${POOL_THRESHOLD} briefings) finds exactly what the in-thread check finds`, () => {
    const dir = tempDir('briefing-pool-');
    writeCorpus(path.join(dir, 'content'), POOL_THRESHOLD + 10, true);
    const inline = checkContent({ root: dir, today: TODAY, contentDir: path.join(dir, 'content') });
    expect(inline.errorCount).toBeGreaterThan(0);
    const pooled = runIn(dir, ['--format', 'json']);
    expect(pooled.code).toBe(1);
    expect((JSON.parse(pooled.stdout) as CheckReport).diagnostics).toEqual(inline.diagnostics);
    expect(inline.diagnostics.map((d) => d.code)).toContain('body-expression');
  });

  test('a worker that fails costs time, never findings: its jobs are done in the main thread', () => {
    const dir = tempDir('briefing-bad-worker-');
    const broken = path.join(dir, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('this worker never starts');\n");
    const pool = createBodyPool({ threads: 2, workerUrl: pathToFileURL(broken), stallMs: 300 });
    const jobs = ['<Actor id="a" /> text.\n', '{1 + 1}\n', '<Cite sorce="s" />\n'].map((body, i) => ({ body, format: 'mdx' as const, lineOffset: i + 5, options: {} }));
    try {
      jobs.forEach((job) => pool.submit(job));
      expect(pool.collect()).toEqual(jobs.map((job) => analyzeBody(job.body, job.format, job.lineOffset, job.options)));
    } finally {
      pool.close();
    }
  });

  test('the main thread takes the jobs no worker has started meanwhile, and every job gets its analysis', () => {
    const pool = createBodyPool({ threads: 1 });
    const jobs = Array.from({ length: 400 }, (_, i) => ({ body: `Talks ${i} with <Actor id="a${i}" />.<Cite source="s${i}" />\n`, format: 'mdx' as const, lineOffset: 3, options: {} }));
    try {
      jobs.forEach((job) => pool.submit(job));
      expect(pool.collect()).toEqual(jobs.map((job) => analyzeBody(job.body, job.format, job.lineOffset, job.options)));
      const { byWorkers, here } = pool.done();
      // The main thread starts on the last job while the worker is still loading.
      expect(here).toBeGreaterThan(0);
      expect(byWorkers + here).toBe(jobs.length);
    } finally {
      pool.close();
    }
  });

  test('a 1,000-briefing corpus checks cleanly through the worker pool (speed is measured by npm run bench, not here)', () => {
    const dir = tempDir('briefing-1000-');
    writeCorpus(dir, 1000);
    const result = checkCommand(['--content', dir]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^0 errors, 0 warnings in 1,000 briefings and 200 actors /);
    expect(result.status).toBe(0);
  });
});

// ---------------------------------------------------------------------------

describe('docs/authoring.md', () => {
  /** Every diagnostic code the checker can emit, read from its source. */
  function emittedCodes(): string[] {
    const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
    const readFolder = (dir: string) => readdirSync(path.join(PROJECT_ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => read(`${dir}/${f}`)).join('\n');
    const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);
    return [
      ...all(readFolder('src/pipeline/load'), /code: '([a-z]+(?:-[a-z]+)*)'/g),
      ...all(read('src/pipeline/load/analyze-body.ts'), /kind: '([a-z]+(?:-[a-z]+)*)'/g).map((kind) => `body-${kind}`),
      ...all(readFolder('src/pipeline/resolve'), /,\s*'([a-z]+(?:-[a-z]+)+)',/g),
    ].filter((code, i, list) => list.indexOf(code) === i).sort();
  }

  test('documents every error and warning code the checker can emit, each under its own heading', () => {
    const codes = emittedCodes();
    expect(codes).toEqual(expect.arrayContaining(['unknown-actor', 'body-esm', 'invalid-field', 'uncited-source', 'position-in-future']));
    const guide = readFileSync(path.join(PROJECT_ROOT, 'docs/authoring.md'), 'utf8');
    expect(codes.filter((code) => !guide.includes(`#### \`${code}\``))).toEqual([]);
  });
});
