import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runNew } from '../../src/cli/new.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { PROJECT_ROOT, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';

const corpora: TempCorpus[] = [];
afterAll(() => corpora.forEach((c) => c.cleanup()));

function corpus(fixture?: string): TempCorpus {
  const c = tempCorpus(fixture);
  corpora.push(c);
  return c;
}

/** Runs `npm run new` in-process inside `corpus.root`, as an author would from the project folder. */
function run(c: TempCorpus, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd: c.root, env: { BRIEFINGS_TODAY: '2025-12-24' }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = runNew(argv, io);
  return { code, stdout, stderr };
}

describe('npm run new -- briefing', () => {
  test('creates a draft .mdx named after the title, prints its path, and it passes the check', () => {
    const c = corpus('basic');
    const result = run(c, 'briefing', 'Lavrov: Moscow has “run out of patience”');
    expect(result).toEqual({ code: 0, stdout: 'content/briefings/lavrov-moscow-has-run-out-of-patience.mdx\n', stderr: '' });

    const text = c.read('briefings/lavrov-moscow-has-run-out-of-patience.mdx');
    expect(text).toContain('title: "Lavrov: Moscow has “run out of patience”"');
    expect(text).toContain('date: "2025-12-24"');
    expect(text).toContain('draft: true');

    for (const includeDrafts of [false, true]) {
      const check = c.check({ includeDrafts });
      expect(check.diagnostics).toEqual([]);
    }
    const briefing = c.check({ includeDrafts: true }).model.briefings.find((b) => b.slug === 'lavrov-moscow-has-run-out-of-patience');
    expect(briefing?.title).toBe('Lavrov: Moscow has “run out of patience”');
    expect(briefing?.summary).toMatch(/^TODO/);
    expect(briefing?.draft).toBe(true);
  });

  test('transliterates a Cyrillic title and keeps the title itself as written', () => {
    const c = corpus();
    expect(run(c, 'briefing', 'Переговоры в Женеве').stdout).toBe('content/briefings/peregovory-v-zheneve.mdx\n');
    expect(c.read('briefings/peregovory-v-zheneve.mdx')).toContain('title: "Переговоры в Женеве"');
  });

  test('takes the words of an unquoted title, --date and --slug', () => {
    const c = corpus();
    const result = run(c, 'briefing', 'Talks', 'resume', '--date', '2022-01-10', '--slug', 'geneva-talks');
    expect(result.code).toBe(0);
    const text = c.read('briefings/geneva-talks.mdx');
    expect(text).toContain('title: "Talks resume"');
    expect(text).toContain('date: "2022-01-10"');
  });

  test('refuses to overwrite an existing briefing, .mdx or .md, and leaves it untouched', () => {
    const c = corpus('basic');
    const before = c.read('briefings/second-round.md');
    const result = run(c, 'briefing', 'Second round');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('content/briefings/second-round.md already exists');
    expect(result.stderr).toContain('--slug');
    expect(c.read('briefings/second-round.md')).toBe(before);
    expect(existsSync(path.join(c.contentDir, 'briefings/second-round.mdx'))).toBe(false);

    expect(run(c, 'briefing', 'A new one').code).toBe(0);
    const again = run(c, 'briefing', 'A new one');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('content/briefings/a-new-one.mdx already exists');
  });

  test.each([
    [['briefing'], 'title'],
    [['briefing', '🙂'], '--slug'],
    [['briefing', 'Title', '--slug', 'Not A Slug'], 'lower-case'],
    [['briefing', 'Title \u202Ereversed'], 'bidirectional'],
    [['briefing', 'Title', '--date', '2022-02-30'], 'real day'],
    [['briefing', 'Title', '--kind', 'person'], '--kind is for actors'],
    [['memo', 'Title'], 'briefing or actor'],
    [[], 'briefing or actor'],
    [['briefing', 'Title', '--bogus'], 'bogus'],
  ])('refuses %j with exit code 2 and a message about %s', (argv, fragment) => {
    const c = corpus();
    const result = run(c, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(fragment);
    expect(result.stderr).toContain('Usage: npm run new');
  });
});

describe('npm run new -- actor', () => {
  test('creates content/actors/<id>.md from a Cyrillic name; it passes the check (only "not referenced yet")', () => {
    const c = corpus();
    const result = run(c, 'actor', 'Сергей Лавров');
    expect(result).toEqual({ code: 0, stdout: 'content/actors/sergey-lavrov.md\n', stderr: '' });
    expect(c.read('actors/sergey-lavrov.md')).toContain('name: "Сергей Лавров"');
    const check = c.check();
    expect(check.errorCount).toBe(0);
    expect(check.diagnostics.map((d) => d.code)).toEqual(['unreferenced-actor']);
    expect(check.model.actorById.get('sergey-lavrov' as never)?.kind).toBe('person');
  });

  test('--kind sets the kind', () => {
    const c = corpus();
    expect(run(c, 'actor', 'North Atlantic Treaty Organization', '--kind', 'organization').code).toBe(0);
    expect(c.check().model.actorById.get('north-atlantic-treaty-organization' as never)?.kind).toBe('organization');
    expect(run(c, 'actor', 'Somebody', '--kind', 'alien').stderr).toContain('person, organization, country');
  });

  test('refuses to overwrite an existing actor', () => {
    const c = corpus('basic');
    const before = c.read('actors/alice-adams.md');
    const result = run(c, 'actor', 'Alice Adams');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/actors/alice-adams.md already exists');
    expect(c.read('actors/alice-adams.md')).toBe(before);
  });
});

describe('scripts/new.ts as a command', () => {
  const node = process.execPath;
  const script = path.join(PROJECT_ROOT, 'scripts/new.ts');

  test('--content points at another folder; exit codes are 0, then 1 for the existing file', () => {
    const c = corpus();
    const first = spawnSync(node, [script, 'actor', 'Annalena Baerbock', '--content', c.contentDir], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(first.status).toBe(0);
    expect(first.stdout.trim()).toBe(path.join(c.contentDir, 'actors/annalena-baerbock.md'));
    const second = spawnSync(node, [script, 'actor', 'Annalena Baerbock', '--content', c.contentDir], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('already exists');
  });

  test('--help prints the usage', () => {
    expect(execFileSync(node, [script, '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8' })).toContain('npm run new -- briefing');
  });
});
