import { afterAll, describe, expect, test } from 'vitest';
import type { PositionId } from '../../src/pipeline/model.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { positionOf } from '../helpers/text.ts';

/**
 * Issue 17: a mistake is reported once, where it is, and never again at every
 * place that points at what it broke. The fixture (tests/fixtures/cascades/README.md)
 * has one root mistake of each kind, each with dependants.
 */

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));
function corpus(): TempCorpus {
  const c = tempCorpus('cascades');
  cleanups.push(() => c.cleanup());
  return c;
}

interface Root {
  kind: string;
  file: string;
  /** The text the diagnostic points at. */
  at: string;
  code: string;
  says: string[];
  /** The edit that fixes it. */
  fix: [search: string, replacement: string];
}

const ROOTS: Root[] = [
  { kind: 'an unknown actor id in a position', file: 'briefings/first-round.mdx', at: 'bob-browne', code: 'unknown-actor', says: ['positions.1.actor', '"bob-browne"', 'did you mean "bob-brown"?'], fix: ['actor: bob-browne', 'actor: bob-brown'] },
  { kind: 'an actor file that fails its schema', file: 'actors/carol-clark.md', at: 'organisation', code: 'invalid-field', says: ['"kind"', '"organisation"', 'did you mean "organization"?'], fix: ['kind: organisation', 'kind: organization'] },
  { kind: 'a briefing that fails its schema', file: 'briefings/broken-round.mdx', at: '2022-02-30', code: 'invalid-field', says: ['"date"', 'not a real calendar date', '2022-02-30'], fix: ['date: 2022-02-30', 'date: 2022-01-15'] },
  { kind: 'a misspelt field', file: 'briefings/misspelt-field.mdx', at: 'sumary', code: 'unknown-field', says: ['"sumary"', 'did you mean "summary"?'], fix: ['sumary:', 'summary:'] },
];

const placeOf = (c: TempCorpus, root: Root) => ({ file: `content/${root.file}`, ...positionOf(c.read(root.file), root.at) });
const listed = (c: TempCorpus) => c.check().diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);

describe('a corpus with one root mistake of each kind', () => {
  const c = corpus();
  const result = c.check();

  test('reports exactly one diagnostic per root mistake, and nothing else', () => {
    const expected = ROOTS.map((root) => {
      const place = placeOf(c, root);
      return `${place.file}:${place.line}:${place.column} error ${root.code}`;
    }).sort();
    expect(listed(c).sort()).toEqual(expected);
  });

  test.each(ROOTS.map((root) => [root.kind, root] as const))('%s is reported at its place, naming the field, the value and the nearest valid one', (_, root) => {
    const place = placeOf(c, root);
    const [d] = result.diagnostics.filter((x) => x.file === place.file && x.line === place.line);
    expect(d?.column).toBe(place.column);
    for (const fragment of root.says) expect(d!.message).toContain(fragment);
  });

  test('the position with the unknown actor stays in the model, marked, so what points at it resolves', () => {
    const kept = result.model.positionById.get('brown-hopeful' as PositionId);
    expect(kept?.unresolved).toBe(true);
    expect(kept?.followedBy).toEqual(['brown-still-hopeful']);
    expect(result.model.positionById.get('brown-still-hopeful' as PositionId)?.follows).toBe('brown-hopeful');
    expect(result.model.topicBySlug.get('talks' as never)?.positions.map((p) => p.id)).toContain('brown-hopeful');
    expect(result.model.briefingBySlug.get('second-round' as never)?.embeds).toContain('brown-hopeful');
    // A resolved position is not marked.
    expect(result.model.positionById.get('adams-no-deal' as PositionId)?.unresolved).toBeUndefined();
  });

  test.each(ROOTS.map((root) => [root.kind, root] as const))('fixing %s removes exactly its one diagnostic: nothing was hiding behind it', (_, root) => {
    const fixed = corpus();
    const before = listed(fixed);
    edit(fixed, root.file, ...root.fix);
    const after = listed(fixed);
    expect(after).toHaveLength(before.length - 1);
    expect(after.some((line) => line.startsWith(`content/${root.file}:`))).toBe(false);
  });

  test('with every root mistake fixed, the corpus is clean: the dependants were sound all along', () => {
    const fixed = corpus();
    for (const root of ROOTS) edit(fixed, root.file, ...root.fix);
    expect(listed(fixed)).toEqual([]);
  });
});

describe('a dependant with a mistake of its own is still reported', () => {
  test('a misspelt <Position id> next to a broken position is its own error', () => {
    const c = corpus();
    edit(c, 'briefings/second-round.mdx', '<Position id="brown-hopeful" />', '<Position id="brown-hopefull" />');
    const d = c.check().diagnostics.find((x) => x.code === 'unknown-position');
    expect(d?.message).toContain('"brown-hopefull" (did you mean "brown-hopeful"?)');
  });

  test('a `follows` of a kept position that is not earlier is still refused (only the actor comparison is skipped)', () => {
    const c = corpus();
    edit(c, 'briefings/first-round.mdx', '    stance: Brown remains hopeful.', '    stance: Brown remains hopeful.\n    date: 2022-01-10');
    edit(c, 'briefings/second-round.mdx', '    stance: Brown is still hopeful.', '    stance: Brown is still hopeful.\n    date: 2022-01-09');
    const codes = c.check().diagnostics.map((d) => d.code);
    expect(codes.filter((code) => code === 'follows-not-earlier')).toHaveLength(1);
    expect(codes).not.toContain('follows-other-actor');
  });

  test('a position of a known actor following one of another actor is still refused', () => {
    const c = corpus();
    edit(c, 'briefings/second-round.mdx', 'follows: brown-hopeful', 'follows: adams-no-deal');
    expect(c.check().diagnostics.map((d) => d.code)).toContain('follows-other-actor');
  });
});

describe('a briefing whose frontmatter has a YAML syntax error', () => {
  test('reports the first YAML error only, and what points at its positions or is named by it is not reported again', () => {
    const c = corpus();
    for (const root of ROOTS) edit(c, root.file, ...root.fix);
    // A stray colon: the YAML parser reports ten errors for it, from there to the end.
    edit(c, 'briefings/broken-round.mdx', '    actor: alice-adams', '   bad: : x\n    actor: alice-adams');
    expect(listed(c)).toEqual([`content/briefings/broken-round.mdx:${positionOf(c.read('briefings/broken-round.mdx'), 'bad').line}:1 error yaml-syntax`]);
  });

  test('with no frontmatter at all, no actor is called unreferenced while what the briefing refers to is unknown', () => {
    const c = corpus();
    for (const root of ROOTS) edit(c, root.file, ...root.fix);
    // broken-round was the only briefing naming freedonia.
    c.write('briefings/broken-round.mdx', 'Adams left the room.\n');
    const codes = c.check().diagnostics.map((d) => d.code);
    expect(codes).toContain('missing-frontmatter');
    expect(codes).not.toContain('unreferenced-actor');
  });

  test('with its frontmatter readable but invalid, the actors it names still count as referenced', () => {
    const c = corpus();
    expect(c.check().diagnostics.map((d) => d.code)).not.toContain('unreferenced-actor');
    // Once nothing names freedonia, the warning comes back.
    edit(c, 'briefings/broken-round.mdx', 'actors: [freedonia]\n', '');
    expect(c.check().diagnostics.filter((d) => d.code === 'unreferenced-actor').map((d) => d.file)).toEqual(['content/actors/freedonia.md']);
  });
});
