import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PositionId } from '../../src/pipeline/model.ts';
import { positionChain, stanceGrid, timelineByTopic, whatChanged } from '../../src/pipeline/resolve/relations.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';

/**
 * The basic fixture has adams-no-deal (2022-01-10, first-talks) and
 * adams-sanctions (2022-01-20, second-round), both Alice Adams's.
 */
describe('position relations (follows / change)', () => {
  let corpus: TempCorpus;
  beforeEach(() => {
    corpus = tempCorpus('basic');
  });
  afterEach(() => corpus.cleanup());

  const relate = (follows: string, change?: string) =>
    edit(corpus, 'briefings/second-round.md', '    topic: sanctions\n', `    topic: sanctions\n    follows: ${follows}\n${change ? `    change: ${change}\n` : ''}`);

  const errors = () => corpus.check().diagnostics.filter((d) => d.severity === 'error');

  test('a valid link is recorded both ways', () => {
    relate('adams-no-deal', 'hardens');
    const { model, errorCount } = corpus.check();
    expect(errorCount).toBe(0);
    const later = model.positionById.get('adams-sanctions' as PositionId)!;
    expect(later.follows).toBe('adams-no-deal');
    expect(later.change).toBe('hardens');
    expect(model.positionById.get('adams-no-deal' as PositionId)!.followedBy).toEqual(['adams-sanctions']);
  });

  test('an unknown id is refused with a suggestion and its line', () => {
    relate('adams-no-dael', 'hardens');
    const [error] = errors();
    expect(error).toMatchObject({ code: 'unknown-follows', file: expect.stringContaining('second-round.md') });
    expect(error!.message).toContain('did you mean "adams-no-deal"?');
    expect(corpus.read('briefings/second-round.md').split('\n')[error!.line - 1]).toContain('follows: adams-no-dael');
  });

  test('following another actor’s position is refused', () => {
    relate('brown-hopeful', 'softens');
    expect(errors().map((e) => e.code)).toEqual(['follows-other-actor']);
  });

  test('following a later (or same-day) position is refused', () => {
    edit(corpus, 'briefings/first-talks.mdx', '    topic: talks\n    sources: [wire]', '    topic: talks\n    follows: adams-sanctions\n    change: softens\n    sources: [wire]');
    expect(errors().map((e) => e.code)).toEqual(['follows-not-earlier']);
  });

  test('a position cannot follow itself', () => {
    relate('adams-sanctions');
    expect(errors().map((e) => e.code)).toEqual(['follows-cycle']);
  });

  test('"change" without "follows" is refused', () => {
    edit(corpus, 'briefings/second-round.md', '    topic: sanctions\n', '    topic: sanctions\n    change: hardens\n');
    expect(errors().map((e) => e.code)).toEqual(['change-without-follows']);
  });

  test('an unknown change value is refused with the nearest valid value', () => {
    relate('adams-no-deal', 'harden');
    const [error] = errors();
    expect(error!.message).toContain('"positions.0.change"');
    expect(error!.message).toContain('did you mean "hardens"?');
  });

  test('following a draft’s position is refused in a build but fine in dev', () => {
    relate('adams-draft-position', 'hardens');
    expect(errors().map((e) => e.code)).toEqual(['unknown-follows']);
    expect(errors()[0]!.message).toContain('draft');
    expect(corpus.check({ includeDrafts: true }).errorCount).toBe(0);
  });

  test('chains, timelines, the grid and "what changed" follow the links', () => {
    relate('adams-no-deal', 'hardens');
    // Give the first position the same topic so the timeline groups them.
    edit(corpus, 'briefings/first-talks.mdx', '    topic: talks\n    sources: [wire]', '    topic: sanctions\n    sources: [wire]');
    const { model } = corpus.check();
    const later = model.positionById.get('adams-sanctions' as PositionId)!;
    const earlier = model.positionById.get('adams-no-deal' as PositionId)!;

    expect(positionChain(model, earlier).map((p) => p.id)).toEqual(['adams-no-deal', 'adams-sanctions']);
    expect(positionChain(model, later).map((p) => p.id)).toEqual(['adams-no-deal', 'adams-sanctions']);

    const timeline = timelineByTopic(model, later.actorId);
    expect(timeline).toEqual([{ topic: 'sanctions', positions: [later, earlier] }]);

    const grid = stanceGrid(model);
    const row = grid.rows.find((r) => r.actor.id === 'alice-adams')!;
    expect(row.cells[grid.topics.findIndex((t) => t.slug === 'sanctions')]).toBe(later);

    expect(whatChanged(model, model.briefingBySlug.get(later.briefingSlug)!)).toEqual([{ position: later, earlier }]);
    expect(whatChanged(model, model.briefingBySlug.get(earlier.briefingSlug)!)).toEqual([]);
  });

  test('"reaffirms" and "clarifies" are not listed as changes', () => {
    relate('adams-no-deal', 'reaffirms');
    const { model } = corpus.check();
    const briefing = model.briefingBySlug.get(model.positionById.get('adams-sanctions' as PositionId)!.briefingSlug)!;
    expect(whatChanged(model, briefing)).toEqual([]);
  });
});
