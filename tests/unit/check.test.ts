import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CheckResult } from '../../src/pipeline/content-check.ts';
import type { ActorId, BriefingSlug, PositionId } from '../../src/pipeline/model.ts';
import { edit, tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { at, expectError, expectWarning } from '../helpers/diagnostics.ts';
import { lineOf } from '../helpers/text.ts';

const FIRST = 'briefings/first-talks.mdx';
const SECOND = 'briefings/second-round.md';
const DRAFT = 'briefings/secret-plan.mdx';
const ALICE = 'actors/alice-adams.md';
const BOB = 'actors/bob-brown.md';
const QUIET = 'actors/quiet-org.md';

const corpora: TempCorpus[] = [];
afterAll(() => corpora.forEach((c) => c.cleanup()));

/** A fresh copy of the basic fixture, changed by `change`. */
function corpusWith(change: (corpus: TempCorpus) => void = () => {}): TempCorpus {
  const corpus = tempCorpus('basic');
  corpora.push(corpus);
  change(corpus);
  return corpus;
}

const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((item) => item.id);
const slugs = (list: readonly { slug: string }[] | undefined) => (list ?? []).map((item) => item.slug);

describe('checkContent on the valid fixture', () => {
  let result: CheckResult;
  beforeAll(() => {
    result = corpusWith().check();
  });

  test('finds no errors and no warnings', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.errorCount).toBe(0);
  });

  test('accepts HTML-looking text in frontmatter as legal content, unchanged', () => {
    const briefing = result.model.briefingBySlug.get('first-talks' as BriefingSlug);
    expect(briefing?.title).toBe('First talks <script>alert(1)</script>');
    expect(briefing?.summary).toBe('Alice & Bob meet; <b>nothing</b> is agreed.');
    expect(result.model.positionById.get('adams-no-deal' as PositionId)?.quote).toBe("There is no deal <yet> & there won't be one soon.");
  });
});

describe('checkContent refuses bad content', () => {
  interface Case {
    what: string;
    file: string;
    search: string;
    replace: string;
    /** Text on the line the error must point at, after the change. */
    needle: string;
    occurrence?: number;
    /** The message must contain each of these: the bad value, and the suggestion where there is one. */
    says: string[];
  }

  const cases: Case[] = [
    {
      what: 'an unknown actor id in a position',
      file: FIRST, search: 'actor: bob-brown', replace: 'actor: bob-browne', needle: 'actor: bob-browne',
      says: ['"bob-browne"', 'did you mean "bob-brown"'],
    },
    {
      what: 'an unknown actor id in `actors`',
      file: FIRST, search: 'actors: [quiet-org]', replace: 'actors: [quiet-orgs]', needle: 'actors:',
      says: ['"quiet-orgs"', 'did you mean "quiet-org"'],
    },
    {
      what: "an unknown actor id in an actor's `affiliations`",
      file: ALICE, search: 'affiliations: [freedonia]', replace: 'affiliations: [fredonia]', needle: 'affiliations:',
      says: ['"fredonia"', 'did you mean "freedonia"'],
    },
    {
      what: 'an unknown actor id in <Actor id>',
      file: FIRST, search: '<Actor id="alice-adams" />', replace: '<Actor id="alice-adam" />', needle: '<Actor id="alice-adam"',
      says: ['"alice-adam"', 'did you mean "alice-adams"'],
    },
    {
      what: 'an unknown source id in a position',
      file: FIRST, search: 'sources: [wire, transcript]', replace: 'sources: [wire, transcripts]', needle: 'sources: [wire, transcripts]',
      says: ['"transcripts"', 'did you mean "transcript"'],
    },
    {
      what: 'an unknown source id in <Cite>',
      file: FIRST, search: '<Cite source="transcript" />', replace: '<Cite source="transcrpt" />', needle: '<Cite source="transcrpt"',
      says: ['"transcrpt"', 'did you mean "transcript"'],
    },
    {
      what: 'an unknown position id in <Position id>',
      file: FIRST, search: '- [x] done task', replace: '<Position id="adams-sanction" />\n\n- [x] done task', needle: '<Position id="adams-sanction"',
      says: ['"adams-sanction"', 'did you mean "adams-sanctions"'],
    },
    {
      what: 'a source id listed twice in one briefing',
      file: FIRST, search: '  - id: transcript', replace: '  - id: wire', needle: '- id: wire', occurrence: 2,
      says: ['"wire"', 'twice'],
    },
    {
      what: 'a javascript: source URL',
      file: FIRST, search: 'url: https://example.org/transcript', replace: 'url: "javascript:alert(1)"', needle: 'javascript:',
      says: ['sources.1.url', 'javascript:alert(1)'],
    },
    {
      what: 'a javascript: actor link',
      file: ALICE, search: 'url: https://example.org/alice', replace: 'url: javascript:alert(document.cookie)', needle: 'javascript:',
      says: ['links.0.url', 'javascript:alert(document.cookie)'],
    },
    {
      what: 'a data: source URL',
      file: SECOND, search: 'url: https://example.org/wire2', replace: 'url: "data:text/html,<script>alert(1)</script>"', needle: 'data:',
      says: ['sources.0.url', 'data:text/html'],
    },
    {
      what: 'the impossible briefing date 2022-13-45',
      file: FIRST, search: 'date: 2022-01-10', replace: 'date: 2022-13-45', needle: '2022-13-45',
      says: ['"date"', '2022-13-45'],
    },
    {
      what: 'the impossible briefing date 2022-02-30',
      file: SECOND, search: 'date: 2022-01-20', replace: 'date: 2022-02-30', needle: '2022-02-30',
      says: ['"date"', '2022-02-30'],
    },
    {
      what: 'an impossible source date',
      file: FIRST, search: '    date: 2022-01-10', replace: '    date: 2022-02-30', needle: '2022-02-30',
      says: ['sources.0.date', '2022-02-30'],
    },
    {
      what: 'a date with a time',
      file: SECOND, search: 'date: 2022-01-20', replace: 'date: 2022-01-20T12:00:00Z', needle: '2022-01-20T12',
      says: ['"date"', '2022-01-20T12:00:00Z', 'YYYY-MM-DD'],
    },
    {
      what: '`updated` before `date`',
      file: SECOND, search: 'updated: 2022-01-21', replace: 'updated: 2022-01-19', needle: 'updated:',
      says: ['2022-01-19', '2022-01-20'],
    },
    {
      what: 'a missing title',
      file: SECOND, search: 'title: Second round\n', replace: '', needle: 'summary:',
      says: ['"title"'],
    },
    {
      what: "a missing actor's kind",
      file: BOB, search: 'kind: person\n', replace: '', needle: 'name: Bob Brown',
      says: ['"kind"'],
    },
    {
      what: 'a missing position actor',
      file: FIRST, search: '    actor: bob-brown\n', replace: '', needle: 'id: brown-hopeful',
      says: ['positions.1.actor'],
    },
    {
      what: 'the unknown frontmatter key `sumary`',
      file: SECOND, search: 'summary:', replace: 'sumary:', needle: 'sumary:',
      says: ['"sumary"', 'did you mean "summary"'],
    },
    {
      what: 'an unknown key in a position',
      file: FIRST, search: '    role: Special Envoy', replace: '    rol: Special Envoy', needle: 'rol: Special',
      says: ['"rol"', 'did you mean "role"'],
    },
    {
      what: 'a misspelt actor kind',
      file: BOB, search: 'kind: person', replace: 'kind: persn', needle: 'kind: persn',
      says: ['"persn"', 'did you mean "person"'],
    },
    {
      what: 'a British-spelt actor kind',
      file: QUIET, search: 'kind: organization', replace: 'kind: organisation', needle: 'kind: organisation',
      says: ['"organisation"', 'did you mean "organization"'],
    },
    {
      what: 'a duplicated YAML key',
      file: FIRST, search: 'authors: [Desk Analyst]', replace: 'authors: [Desk Analyst]\ntitle: Again', needle: 'title: Again',
      says: ['malformed YAML'],
    },
    {
      what: 'a position dated after its briefing',
      file: FIRST, search: 'date: 2022-01-09', replace: 'date: 2022-01-11', needle: 'date: 2022-01-11',
      says: ['"brown-hopeful"', '2022-01-11', '2022-01-10'],
    },
    {
      what: 'a position dated after the briefing was last updated',
      file: SECOND, search: '    topic: sanctions', replace: '    topic: sanctions\n    date: 2022-01-22', needle: 'date: 2022-01-22',
      says: ['"adams-sanctions"', '2022-01-22', '2022-01-21'],
    },
    {
      what: 'a U+202E bidi control character in a title',
      file: SECOND, search: 'title: Second round', replace: 'title: "Second \u202Eround"', needle: 'title:',
      says: ['"title"', 'bidirectional', 'Second \u202Eround'],
    },
    {
      what: "a U+2066 bidi isolate in an actor's name",
      file: BOB, search: 'name: Bob Brown', replace: 'name: "Bob \u2066Brown"', needle: 'name:',
      says: ['"name"', 'bidirectional'],
    },
    {
      what: 'a topic that is not a slug',
      file: SECOND, search: 'topics: [talks, sanctions]', replace: 'topics: [talks, Sanctions Policy]', needle: 'topics:',
      says: ['topics.1', 'Sanctions Policy'],
    },
  ];

  test.each(cases)('reports $what at its file and line', ({ file, search, replace, needle, occurrence, says }) => {
    const corpus = corpusWith((c) => edit(c, file, search, replace));
    const result = corpus.check();
    expect(result.errorCount).toBeGreaterThan(0);
    expectError(result.diagnostics, at(corpus, file, needle, occurrence), ...says);
  });

  test('reports an unclosed YAML list near the line that opens it', () => {
    const corpus = corpusWith((c) => edit(c, FIRST, 'topics: [talks]', 'topics: [talks'));
    const result = corpus.check();
    const opened = lineOf(corpus.read(FIRST), 'topics: [talks');
    const errors = result.diagnostics.filter((d) => d.severity === 'error' && d.file === `content/${FIRST}`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toContain('malformed YAML');
    expect(errors[0]?.line).toBeGreaterThanOrEqual(opened);
    expect(errors[0]?.line).toBeLessThanOrEqual(opened + 1);
  });

  test('refuses a position dated in the future even when the briefing is too', () => {
    const corpus = corpusWith((c) => edit(c, SECOND, '    topic: sanctions', '    topic: sanctions\n    date: 2022-01-21'));
    expect(corpus.check({ today: '2026-01-01' }).errorCount).toBe(0);
    const result = corpus.check({ today: '2022-01-20' });
    expectError(result.diagnostics, at(corpus, SECOND, '    date: 2022-01-21'), '"adams-sanctions"', '2022-01-21', 'future');
  });

  test('refuses a position id used in two briefings, pointing at the second and naming the first', () => {
    const corpus = corpusWith((c) => edit(c, SECOND, 'id: adams-sanctions', 'id: adams-no-deal'));
    const result = corpus.check();
    const firstHome = `content/${FIRST}:${lineOf(corpus.read(FIRST), 'id: adams-no-deal')}`;
    expectError(result.diagnostics, at(corpus, SECOND, 'id: adams-no-deal'), '"adams-no-deal"', firstHome);
  });

  test("refuses a published position that reuses a draft's position id, even when drafts are not built", () => {
    const corpus = corpusWith((c) => edit(c, SECOND, 'id: adams-sanctions', 'id: adams-draft-position'));
    const duplicates = corpus.check().diagnostics.filter((d) => d.severity === 'error' && d.message.includes('"adams-draft-position"'));
    expect(duplicates).toHaveLength(1);
    expect([`content/${SECOND}`, `content/${DRAFT}`]).toContain(duplicates[0]?.file);
  });

  describe("<Position id> pointing at a draft's position", () => {
    let corpus: TempCorpus;
    beforeAll(() => {
      corpus = corpusWith((c) => edit(c, FIRST, '- [x] done task', '<Position id="adams-draft-position" />\n\n- [x] done task'));
    });

    test('is an error in a build, which leaves drafts out', () => {
      const result = corpus.check({ includeDrafts: false });
      expectError(result.diagnostics, at(corpus, FIRST, '<Position id="adams-draft-position"'), '"adams-draft-position"', 'draft');
    });

    test('is fine when drafts are included, as in astro dev', () => {
      expect(corpus.check({ includeDrafts: true }).errorCount).toBe(0);
    });
  });

  test('refuses a file name with upper-case letters and suggests a valid one', () => {
    const corpus = corpusWith((c) => c.write('briefings/Third-Round.md', c.read(SECOND).replace(/adams-sanctions/g, 'adams-third')));
    const result = corpus.check();
    expectError(result.diagnostics, { file: 'content/briefings/Third-Round.md', line: 1 }, '"Third-Round"', '"third-round.md"');
  });

  test('refuses two briefings with the same slug, x.md and x.mdx', () => {
    const corpus = corpusWith((c) => c.write('briefings/second-round.mdx', c.read(SECOND)));
    const result = corpus.check();
    expectError(result.diagnostics, { file: 'content/briefings/second-round.mdx', line: 1 }, '"second-round"', `content/${SECOND}`);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
  });

  test('refuses a file without frontmatter', () => {
    const corpus = corpusWith((c) => c.write('actors/nobody.md', 'Just a bio.\n'));
    expectError(corpus.check().diagnostics, { file: 'content/actors/nobody.md', line: 1 }, 'frontmatter');
  });

  test('reports every problem of a corpus at once, in file order', () => {
    const corpus = corpusWith((c) => {
      edit(c, FIRST, 'actor: bob-brown', 'actor: bob-browne');
      edit(c, SECOND, 'summary:', 'sumary:');
      edit(c, BOB, 'kind: person', 'kind: persn');
    });
    const errors = corpus.check().diagnostics.filter((d) => d.severity === 'error');
    expect(new Set(errors.map((d) => d.file))).toEqual(new Set([`content/${FIRST}`, `content/${SECOND}`, `content/${BOB}`]));
    const order = errors.map((d) => `${d.file}\u0000${String(d.line).padStart(6, '0')}`);
    expect(order).toEqual([...order].sort());
  });
});

describe('checkContent warnings', () => {
  test('an uncited source is a warning, not an error', () => {
    const corpus = corpusWith((c) =>
      edit(c, SECOND, 'positions:', '  - id: unused\n    title: Unused\n    publisher: P\n    url: https://example.org/unused\npositions:'),
    );
    const result = corpus.check();
    expect(result.errorCount).toBe(0);
    expectWarning(result.diagnostics, at(corpus, SECOND, 'id: unused'), '"unused"');
  });

  test('an actor no briefing or actor refers to is a warning, not an error', () => {
    const corpus = corpusWith((c) => c.write('actors/lonely-actor.md', '---\nname: Lonely Actor\nkind: person\n---\n'));
    const result = corpus.check();
    expect(result.errorCount).toBe(0);
    expectWarning(result.diagnostics, { file: 'content/actors/lonely-actor.md', line: 1 }, '"lonely-actor"');
  });

  test("an alias equal to another actor's alias, ignoring case, is a warning, not an error", () => {
    const corpus = corpusWith((c) => edit(c, QUIET, 'kind: organization', 'kind: organization\naliases: ["a. adams"]'));
    const result = corpus.check();
    expect(result.errorCount).toBe(0);
    expectWarning(result.diagnostics, at(corpus, QUIET, '"a. adams"'), 'a. adams', '"alice-adams"');
  });

  test("an alias equal to another actor's name is a warning, not an error", () => {
    const corpus = corpusWith((c) => edit(c, QUIET, 'kind: organization', 'kind: organization\naliases: [Freedonia]'));
    const result = corpus.check();
    expect(result.errorCount).toBe(0);
    expectWarning(result.diagnostics, at(corpus, QUIET, 'aliases:'), 'Freedonia', '"freedonia"');
  });
});

describe('the site model', () => {
  let built: CheckResult;
  let dev: CheckResult;
  beforeAll(() => {
    const corpus = corpusWith();
    built = corpus.check({ includeDrafts: false });
    dev = corpus.check({ includeDrafts: true });
  });

  test("lists each actor's positions newest first", () => {
    const dates = (result: CheckResult) => (result.model.positionsByActor.get('alice-adams' as ActorId) ?? []).map((p) => p.date);
    expect(ids(built.model.positionsByActor.get('alice-adams' as ActorId))).toEqual(['adams-sanctions', 'adams-no-deal']);
    expect(ids(dev.model.positionsByActor.get('alice-adams' as ActorId))).toEqual(['adams-sanctions', 'adams-draft-position', 'adams-no-deal']);
    for (const list of [dates(built), dates(dev)]) expect(list).toEqual([...list].sort().reverse());
  });

  test('sorts positions of the same day by id, whatever the file order', () => {
    const corpus = corpusWith((c) => {
      edit(c, FIRST, '    actor: bob-brown', '    actor: alice-adams');
      edit(c, FIRST, 'id: brown-hopeful', 'id: adams-aa-first');
      edit(c, FIRST, 'date: 2022-01-09', 'date: 2022-01-10');
    });
    const positions = corpus.check().model.positionsByActor.get('alice-adams' as ActorId);
    expect(ids(positions)).toEqual(['adams-sanctions', 'adams-aa-first', 'adams-no-deal']);
  });

  test("gives a position the actor's role when it has none of its own", () => {
    expect(built.model.positionById.get('adams-no-deal' as PositionId)?.role).toBe(built.model.actorById.get('alice-adams' as ActorId)?.role);
    expect(built.model.positionById.get('adams-no-deal' as PositionId)?.role).toBe('Foreign Minister of Freedonia');
  });

  test("lets a position's own role override the actor's", () => {
    expect(built.model.actorById.get('bob-brown' as ActorId)?.role).toBe('Envoy');
    expect(built.model.positionById.get('brown-hopeful' as PositionId)?.role).toBe('Special Envoy');
  });

  test('leaves the role empty when neither the position nor the actor has one', () => {
    const corpus = corpusWith((c) => {
      edit(c, BOB, 'role: Envoy\n', '');
      edit(c, FIRST, '    role: Special Envoy\n', '');
    });
    expect(corpus.check().model.positionById.get('brown-hopeful' as PositionId)?.role).toBeUndefined();
  });

  test("dates a position with the briefing's date when it has none, and keeps its own date otherwise", () => {
    expect(built.model.positionById.get('adams-no-deal' as PositionId)?.date).toBe(built.model.briefingBySlug.get('first-talks' as BriefingSlug)?.date);
    expect(built.model.positionById.get('adams-sanctions' as PositionId)?.date).toBe('2022-01-20');
    expect(built.model.positionById.get('brown-hopeful' as PositionId)?.date).toBe('2022-01-09');
  });

  test('uses the publication date, not the update date, as the default position date', () => {
    const second = built.model.briefingBySlug.get('second-round' as BriefingSlug);
    expect(second?.updated).toBe('2022-01-21');
    expect(built.model.positionById.get('adams-sanctions' as PositionId)?.date).toBe(second?.date);
  });

  test('leaves drafts and their positions out unless drafts are included', () => {
    expect(slugs(built.model.briefings)).toEqual(['second-round', 'first-talks']);
    expect(built.model.briefingBySlug.has('secret-plan' as BriefingSlug)).toBe(false);
    expect(built.model.positionById.has('adams-draft-position' as PositionId)).toBe(false);
    expect(slugs(dev.model.briefings)).toEqual(['second-round', 'secret-plan', 'first-talks']);
    expect(dev.model.positionById.get('adams-draft-position' as PositionId)?.briefingSlug).toBe('secret-plan');
  });

  test('leaves drafts out of every index', () => {
    const everything = JSON.stringify({
      briefings: built.model.briefings,
      topics: built.model.topics,
      byActor: [...built.model.briefingsByActor.values(), ...built.model.positionsByActor.values()],
    });
    expect(everything).not.toContain('DRAFTSECRET');
    expect(everything).not.toContain('secret-plan');
  });

  test('lists the briefings that give an actor a position, newest first', () => {
    expect(slugs(built.model.briefingsByActor.get('alice-adams' as ActorId))).toEqual(['second-round', 'first-talks']);
  });

  test('lists a briefing that only names the actor in `actors:`', () => {
    expect(built.model.positionsByActor.get('quiet-org' as ActorId)).toEqual([]);
    expect(slugs(built.model.briefingsByActor.get('quiet-org' as ActorId))).toEqual(['first-talks']);
  });

  test('lists a briefing that only mentions the actor with <Actor>', () => {
    const corpus = corpusWith((c) =>
      c.write('briefings/third-round.mdx', '---\ntitle: Third round\nsummary: S.\ndate: 2022-01-25\n---\nA word about <Actor id="freedonia" />.\n'),
    );
    const result = corpus.check();
    expect(result.errorCount).toBe(0);
    expect(slugs(result.model.briefingsByActor.get('freedonia' as ActorId))).toEqual(['third-round']);
    expect(result.model.briefingBySlug.get('third-round' as BriefingSlug)?.actorIds).toEqual(['freedonia']);
  });

  test('does not list a briefing for an actor that is only an affiliation of an actor in it', () => {
    expect(built.model.briefingsByActor.get('freedonia' as ActorId)).toEqual([]);
  });

  test("lists a briefing's actors once each: positions first, then `actors:`, then <Actor> mentions", () => {
    expect(built.model.briefingBySlug.get('first-talks' as BriefingSlug)?.actorIds).toEqual(['alice-adams', 'bob-brown', 'quiet-org']);
  });

  test('numbers sources in listed order and counts their citations', () => {
    const sources = built.model.briefingBySlug.get('first-talks' as BriefingSlug)?.sources ?? [];
    expect(sources.map((s) => [s.id, s.number, s.citeCount])).toEqual([
      ['wire', 1, 2],
      ['transcript', 2, 1],
    ]);
  });

  test('groups briefings and positions by topic', () => {
    expect(built.model.topics.map((t) => t.slug)).toEqual(['sanctions', 'talks']);
    expect(slugs(built.model.topicBySlug.get('talks' as never)?.briefings)).toEqual(['second-round', 'first-talks']);
    expect(ids(built.model.topicBySlug.get('talks' as never)?.positions)).toEqual(['adams-no-deal']);
  });
});
