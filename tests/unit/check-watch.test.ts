import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diffFindings } from '../../src/cli/check-watch.ts';
import type { Diagnostic } from '../../src/pipeline/diagnostics.ts';
import { edit, PROJECT_ROOT, tempCorpus } from '../helpers/corpus.ts';
import { positionOf } from '../helpers/text.ts';

const finding = (line: number, message: string, file = 'content/briefings/a.mdx'): Diagnostic => ({ severity: 'error', code: 'unknown-actor', file, line, column: 3, message });

describe('diffFindings', () => {
  test.each([
    ['nothing before, one now: one new', [], [finding(5, 'x')], { added: [5], fixed: [] }],
    ['one before, none now: one fixed', [finding(5, 'x')], [], { added: [], fixed: [5] }],
    ['the same finding on another line (a line added above it) is neither new nor fixed', [finding(5, 'x')], [finding(6, 'x')], { added: [], fixed: [] }],
    ['a second copy of a finding is new', [finding(5, 'x')], [finding(5, 'x'), finding(9, 'x')], { added: [9], fixed: [] }],
    ['another message is another finding', [finding(5, 'x')], [finding(5, 'y')], { added: [5], fixed: [5] }],
  ] as const)('%s', (_, before, after, expected) => {
    const { added, fixed } = diffFindings(before, after);
    expect({ added: added.map((d) => d.line), fixed: fixed.map((d) => d.line) }).toEqual(expected);
  });
});

describe('npm run check -- --watch', () => {
  const corpus = tempCorpus('basic');
  let child: ChildProcess;
  let output = '';
  /** Output from `from` on, once it matches `pattern` (the watcher prints a moment after a save). */
  const waitFor = async (pattern: RegExp, from: number): Promise<string> => {
    for (let i = 0; i < 100; i++) {
      const since = output.slice(from);
      if (pattern.test(since)) return since;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no ${pattern} in the watcher's output:\n${output.slice(from)}`);
  };
  /** Saves with `change`, then returns what the watcher printed for it. */
  const save = async (change: () => void, pattern: RegExp) => {
    const from = output.length;
    change();
    return waitFor(pattern, from);
  };

  beforeAll(async () => {
    // From the corpus' root, as an author runs it in the project: the content is ./content.
    const { CONTENT_DIR: _, ...env } = process.env;
    child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'scripts/check.ts'), '--watch'], {
      cwd: corpus.root,
      env: { ...env, BRIEFINGS_TODAY: '2026-01-01' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(/Watching content\/ for changes/, 0);
  });

  afterAll(() => {
    child?.kill();
    corpus.cleanup();
  });

  test('starts with the full report, as npm run check prints it', () => {
    expect(output).toMatch(/^0 errors, 0 warnings in 3 briefings and 4 actors \(content\/, \d+ ms\)\nWatching content\/ for changes \(Ctrl-C to stop\)\n$/);
  });

  test('a save that adds a mistake prints that one new finding, and nothing else', async () => {
    const printed = await save(() => edit(corpus, 'briefings/first-talks.mdx', 'actor: bob-brown', 'actor: bob-browne'), /\n$/);
    const { line, column } = positionOf(corpus.read('briefings/first-talks.mdx'), 'bob-browne');
    expect(printed).toBe(
      'content/briefings/first-talks.mdx: 1 new (1 error, 0 warnings)\n' +
        `  new:   content/briefings/first-talks.mdx:${line}:${column}: error: positions.1.actor: unknown actor id "bob-browne" (did you mean "bob-brown"?) [unknown-actor]\n`,
    );
  });

  test('a save that only moves the finding (a line added above it) prints no change', async () => {
    const printed = await save(() => edit(corpus, 'briefings/first-talks.mdx', 'authors: [Desk Analyst]', 'authors: [Desk Analyst]\nupdated: 2022-01-11'), /\n$/);
    expect(printed).toBe('content/briefings/first-talks.mdx: no change (1 error, 0 warnings)\n');
  });

  test('a save in another file reports there: a new actor nothing refers to is one new warning', async () => {
    const printed = await save(() => corpus.write('actors/nobody.md', '---\nname: Nobody\nkind: person\n---\n'), /\n$/);
    expect(printed).toBe(
      'content/actors/nobody.md: 1 new (1 error, 1 warning)\n' +
        '  new:   content/actors/nobody.md:1:1: warning: actor "nobody" is not referenced by any briefing or actor [unreferenced-actor]\n',
    );
  });

  test('fixing the mistake prints it as fixed', async () => {
    const printed = await save(() => edit(corpus, 'briefings/first-talks.mdx', 'actor: bob-browne', 'actor: bob-brown'), /\n$/);
    expect(printed).toMatch(/^content\/briefings\/first-talks\.mdx: 1 fixed \(0 errors, 1 warning\)\n {2}fixed: content\/briefings\/first-talks\.mdx:\d+:\d+: error: positions\.1\.actor: unknown actor id "bob-browne".*\[unknown-actor\]\n$/);
  });

  test('deleting a file is a save too', async () => {
    const printed = await save(() => corpus.remove('actors/nobody.md'), /\n$/);
    expect(printed).toMatch(/^content\/actors\/nobody\.md: 1 fixed \(0 errors, 0 warnings\)\n {2}fixed: content\/actors\/nobody\.md:1:1: warning: /);
  });
});
