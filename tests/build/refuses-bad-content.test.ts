import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/pipeline/diagnostics.ts';
import type { BuildResult } from '../helpers/build.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { listFiles } from '../helpers/links.ts';
import { lineOf } from '../helpers/text.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

/** Each bad input: the file it is in, text on its line, and what the build output must say. */
interface Problem {
  file: string;
  needle: string;
  says: string[];
}

const PROBLEMS: Problem[] = [
  { file: 'briefings/first-talks.mdx', needle: 'actor: bob-browne', says: ['"bob-browne"', 'did you mean "bob-brown"'] },
  { file: 'briefings/first-talks.mdx', needle: '<Cite source="transcrpt"', says: ['"transcrpt"', 'did you mean "transcript"'] },
  { file: 'briefings/first-talks.mdx', needle: 'date: 2022-01-11', says: ['"brown-hopeful"', '2022-01-11'] },
  { file: 'briefings/second-round.md', needle: 'sumary:', says: ['"sumary"', 'did you mean "summary"'] },
  { file: 'briefings/second-round.md', needle: 'date: 2022-02-30', says: ['2022-02-30'] },
  { file: 'actors/alice-adams.md', needle: 'affiliations:', says: ['"fredonia"', 'did you mean "freedonia"'] },
  { file: 'actors/carol-clark.md', needle: 'kind: persn', says: ['"persn"', 'did you mean "person"'] },
  { file: 'actors/carol-clark.md', needle: 'javascript:', says: ['javascript:alert(1)'] },
  { file: 'briefings/Third-Round.md', needle: '---', says: ['"Third-Round"', 'third-round.md'] },
  { file: 'briefings/fourth-round.mdx', needle: 'title:', says: ['bidirectional'] },
  { file: 'briefings/fifth-round.mdx', needle: '<Position id="adams-draft-position"', says: ['"adams-draft-position"', 'draft'] },
  { file: 'briefings/fifth-round.mdx', needle: 'import', says: ['import'] },
];

describe('astro build of a corpus with many errors', () => {
  let corpus: TempCorpus;
  let build: BuildResult;

  beforeAll(() => {
    corpus = tempCorpus('basic');
    edit(corpus, 'briefings/first-talks.mdx', 'actor: bob-brown', 'actor: bob-browne');
    edit(corpus, 'briefings/first-talks.mdx', '<Cite source="transcript" />', '<Cite source="transcrpt" />');
    edit(corpus, 'briefings/first-talks.mdx', 'date: 2022-01-09', 'date: 2022-01-11');
    edit(corpus, 'briefings/second-round.md', 'summary:', 'sumary:');
    edit(corpus, 'briefings/second-round.md', 'date: 2022-01-20', 'date: 2022-02-30');
    edit(corpus, 'actors/alice-adams.md', 'affiliations: [freedonia]', 'affiliations: [fredonia]');
    corpus.write('actors/carol-clark.md', '---\nname: Carol Clark\nkind: persn\nlinks:\n  - label: Home\n    url: javascript:alert(1)\n---\n');
    corpus.write('briefings/Third-Round.md', '---\ntitle: Third round\nsummary: S.\ndate: 2022-01-22\n---\nText.\n');
    corpus.write('briefings/fourth-round.mdx', '---\ntitle: "Fourth \u202Eround"\nsummary: S.\ndate: 2022-01-23\n---\nText.\n');
    corpus.write(
      'briefings/fifth-round.mdx',
      '---\ntitle: Fifth round\nsummary: S.\ndate: 2022-01-24\n---\nimport X from "./x.js"\n\n<Position id="adams-draft-position" />\n',
    );
    build = buildAsUser({ contentDir: corpus.contentDir, outDir: mkdtempSync(path.join(tmpdir(), 'briefing-refused-')) });
  });

  afterAll(() => {
    removeBuild(build);
    corpus?.cleanup();
  });

  test('fails', () => {
    expect(build.ok).toBe(false);
    expect(build.status).not.toBe(0);
  });

  test.each(PROBLEMS)('names $file at the line of $needle, with $says', ({ file, needle, says }) => {
    const line = lineOf(corpus.read(file), needle);
    const lines = build.output.split('\n').filter((l) => l.includes(`content/${file}:${line}:`));
    expect(lines.length, `no output line for content/${file}:${line}; output:\n${build.output}`).toBeGreaterThan(0);
    for (const fragment of says) expect(lines.join('\n')).toContain(fragment);
  });

  test('publishes nothing: the output folder has no pages', () => {
    expect(build.exists('/')).toBe(false);
    expect(listFiles(build.outDir).filter((file) => file.endsWith('.html'))).toEqual([]);
  });
});

describe('astro build of a corpus with one root mistake of each kind (tests/fixtures/cascades)', () => {
  let corpus: TempCorpus;
  let build: BuildResult;

  beforeAll(() => {
    corpus = tempCorpus('cascades');
    build = buildAsUser({ contentDir: corpus.contentDir, outDir: mkdtempSync(path.join(tmpdir(), 'briefing-cascades-')) });
  });

  afterAll(() => {
    removeBuild(build);
    corpus?.cleanup();
  });

  test('names exactly the findings `npm run check` names: each root mistake once, no follow-on error', () => {
    expect(build.ok).toBe(false);
    const found = new Set([...build.output.matchAll(/content\/\S+:\d+:\d+: (?:error|warning): .*\[[a-z]+(?:-[a-z]+)*\]/g)].map((m) => m[0]));
    const checked = corpus.check().diagnostics.map(formatDiagnostic);
    expect(checked).toHaveLength(4);
    expect([...found].sort(), build.output).toEqual(checked.sort());
  });
});
