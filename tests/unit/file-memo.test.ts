import { renameSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkContent, type CheckResult } from '../../src/pipeline/content-check.ts';
import { inlineBodyAnalyzer, loadMemo, type BodyAnalyzer } from '../../src/pipeline/load/load-content.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';

/**
 * The dev server reloads through a memo of what each file gave (load/file-memo.ts): after
 * any change it must give what a fresh check gives, while parsing only the changed files.
 */
let corpus: TempCorpus;
afterEach(() => corpus?.cleanup());

/** An analyzer that counts the bodies it is given. */
function counting(): BodyAnalyzer & { count: number } {
  const inner = inlineBodyAnalyzer();
  const counter = { count: 0, submit: (job: Parameters<BodyAnalyzer['submit']>[0]) => (counter.count++, inner.submit(job)), collect: () => inner.collect() };
  return counter;
}

/** What a check gives, without the timings (which differ run to run). */
const outcome = ({ model, diagnostics, errorCount, publication, schedule }: CheckResult) => ({ model, diagnostics, errorCount, publication, schedule });

describe('a check through the memo', () => {
  const memo = loadMemo();
  const check = (bodyAnalyzer?: BodyAnalyzer) => checkContent({ root: corpus.root, contentDir: corpus.contentDir, includeDrafts: true, today: '2026-01-01', memo, bodyAnalyzer });
  const fresh = () => checkContent({ root: corpus.root, contentDir: corpus.contentDir, includeDrafts: true, today: '2026-01-01' });
  const expectSameAsFresh = (analyzer = counting()) => {
    expect(outcome(check(analyzer))).toEqual(outcome(fresh()));
    return analyzer.count;
  };

  test('equals a fresh check after edits, renames, deletions and mistakes, analysing only the bodies that changed', () => {
    corpus = tempCorpus('basic');
    expect(expectSameAsFresh()).toBe(3);
    // Nothing changed: nothing analysed again.
    expect(expectSameAsFresh()).toBe(0);
    // A frontmatter edit and a body edit.
    edit(corpus, 'briefings/second-round.md', 'Adams threatens sanctions.', 'Adams now rules out sanctions.');
    expect(expectSameAsFresh()).toBe(1);
    edit(corpus, 'briefings/first-talks.mdx', /\n$/, '\nA new closing line.\n');
    expect(expectSameAsFresh()).toBe(1);
    // An edit of the same size, at once (within one tick of a coarse filesystem clock).
    edit(corpus, 'briefings/second-round.md', 'Adams now rules out sanctions.', 'Adams now rules out sanctiont.');
    expect(expectSameAsFresh()).toBe(1);
    // An actor edited: no body analysed, every briefing resolved against it.
    edit(corpus, 'actors/alice-adams.md', /name: .*/, 'name: "Alice Adams-Baker"');
    expect(expectSameAsFresh()).toBe(0);
    // Renamed: the same text under another name is loaded as that file.
    renameSync(path.join(corpus.contentDir, 'briefings/second-round.md'), path.join(corpus.contentDir, 'briefings/second-round.mdx'));
    expectSameAsFresh();
    // Mistakes in the frontmatter and the body, then mended.
    edit(corpus, 'briefings/first-talks.mdx', 'actor: bob-brown', 'actor: bob-browne');
    edit(corpus, 'briefings/first-talks.mdx', '<Cite source="transcript" />', '<Cite source="transcrpt" />');
    expect(check().errorCount).toBe(2);
    expectSameAsFresh();
    corpus.write('briefings/broken.md', '---\ntitle: [unclosed\n---\nBody\n');
    expectSameAsFresh();
    edit(corpus, 'briefings/first-talks.mdx', 'actor: bob-browne', 'actor: bob-brown');
    edit(corpus, 'briefings/first-talks.mdx', '<Cite source="transcrpt" />', '<Cite source="transcript" />');
    corpus.remove('briefings/broken.md');
    expectSameAsFresh();
    // Deleted: nothing of it is left.
    corpus.remove('briefings/second-round.mdx');
    const after = check();
    expect(after.model.briefings.map((b) => b.slug)).not.toContain('second-round');
    expect(outcome(after)).toEqual(outcome(fresh()));
  });
});
