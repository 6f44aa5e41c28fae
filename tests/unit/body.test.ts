import { describe, expect, test } from 'vitest';
import { analyzeBody } from '../../src/pipeline/load/analyze-body.ts';
import { countWords } from '../../src/pipeline/load/word-count.ts';
import { lineOf, positionOf } from '../helpers/text.ts';

/** Line 1 of a body is this line of its file, as after a 9-line frontmatter block. */
const OFFSET = 12;
const fileLine = (body: string, needle: string, occurrence = 1) => lineOf(body, needle, occurrence) + OFFSET - 1;

describe('analyzeBody', () => {
  describe('component uses', () => {
    const body = [
      'Intro paragraph mentioning <Actor id="alice-adams" /> once.',
      '',
      'A claim.<Cite source="wire" /> And another.<Cite source="transcript" />',
      '',
      '<Position id="adams-no-deal" />',
      '',
      'Later, <Actor id="bob-brown">the envoy</Actor> again.<Cite source="wire" />',
      '',
    ].join('\n');
    const { uses, findings } = analyzeBody(body, 'mdx', OFFSET);

    test('finds every Actor, Cite and Position with its id, in document order', () => {
      expect(uses.map((u) => [u.name, u.ref])).toEqual([
        ['Actor', 'alice-adams'],
        ['Cite', 'wire'],
        ['Cite', 'transcript'],
        ['Position', 'adams-no-deal'],
        ['Actor', 'bob-brown'],
        ['Cite', 'wire'],
      ]);
      expect(findings).toEqual([]);
    });

    test.each([
      ['<Actor id="alice-adams"', 1],
      ['<Cite source="wire"', 1],
      ['<Cite source="transcript"', 1],
      ['<Position id="adams-no-deal"', 1],
      ['<Actor id="bob-brown"', 1],
      ['<Cite source="wire"', 2],
    ])('reports %s (occurrence %i) on its line of the file, with the frontmatter offset applied', (needle, occurrence) => {
      const ref = /"([^"]+)"/.exec(needle)![1];
      const use = uses.filter((u) => u.ref === ref)[occurrence - 1]!;
      expect(use.line).toBe(fileLine(body, needle, occurrence));
      const tag = positionOf(body, needle, occurrence);
      expect(use.column).toBeGreaterThanOrEqual(tag.column);
      expect(use.column).toBeLessThan(tag.column + needle.length);
    });

    test('reports the first line of the body as the offset line itself', () => {
      const [use] = analyzeBody('<Actor id="x" />\n', 'mdx', 7).uses;
      expect(use?.line).toBe(7);
    });

    test('has no problem on a use with a plain string id', () => {
      expect(uses.every((u) => u.problem === undefined)).toBe(true);
    });
  });

  describe('missing and non-string ids', () => {
    test.each([
      ['<Actor />', 'Actor'],
      ['<Position>text</Position>', 'Position'],
      ['<Cite id="wire" />', 'Cite'],
      ['<Actor name="alice-adams" />', 'Actor'],
    ])('flags %s as missing its id attribute', (markup, name) => {
      const body = `Some text.\n\n${markup}\n`;
      const { uses } = analyzeBody(body, 'mdx', OFFSET);
      expect(uses).toEqual([expect.objectContaining({ name, ref: undefined, problem: 'missing', line: fileLine(body, markup) })]);
    });

    test.each([
      ['<Actor id={who} />', 'Actor'],
      ['<Cite source={"wire"} />', 'Cite'],
      ['<Position id={`p-${n}`} />', 'Position'],
    ])('flags %s as an expression instead of a string', (markup, name) => {
      const body = `${markup}\n`;
      const { uses } = analyzeBody(body, 'mdx', OFFSET);
      expect(uses).toEqual([expect.objectContaining({ name, ref: undefined, problem: 'expression', line: OFFSET })]);
    });

    test.each([
      ['an expression in another attribute', '<Actor id="alice-adams" extra={run()} />'],
      ['a spread attribute', '<Actor id="alice-adams" {...props} />'],
      ['an expression attribute on an HTML element', '<span title={secret}>x</span>'],
    ])('refuses %s', (_, markup) => {
      const body = `Text.\n\n${markup}\n`;
      const { findings } = analyzeBody(body, 'mdx', OFFSET);
      expect(findings).toEqual([expect.objectContaining({ kind: 'expression', line: fileLine(body, markup) })]);
    });
  });

  describe('code in MDX', () => {
    test.each([
      ['an import', 'import Evil from "../evil.js"'],
      ['an export', 'export const data = fetch("https://example.org")'],
    ])('refuses %s, at its line', (_, statement) => {
      const body = `Intro.\n\n${statement}\n\nMore text.\n`;
      const { findings } = analyzeBody(body, 'mdx', OFFSET);
      expect(findings).toEqual([
        expect.objectContaining({ kind: 'esm', line: fileLine(body, statement), column: 1, message: expect.stringContaining('import') }),
      ]);
    });

    test.each([
      ['a flow expression', '{process.exit(1)}', 'process.exit(1)'],
      ['a text expression', 'Price: {1 + 1} dollars', '1 + 1'],
    ])('refuses %s and quotes it', (_, line, code) => {
      const body = `Intro.\n\n${line}\n`;
      const { findings } = analyzeBody(body, 'mdx', OFFSET);
      expect(findings).toEqual([
        expect.objectContaining({ kind: 'expression', line: fileLine(body, line), column: positionOf(body, '{').column }),
      ]);
      expect(findings[0]?.message).toContain(`{${code}}`);
    });

    test('accepts escaped braces as literal text', () => {
      expect(analyzeBody('A set \\{a, b\\} in text.\n', 'mdx', OFFSET).findings).toEqual([]);
    });

    test('reports a syntax error at its line instead of throwing', () => {
      const body = 'Fine line.\n\nBroken <Actor id="x"\n';
      const { findings } = analyzeBody(body, 'mdx', OFFSET);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ kind: 'syntax', message: expect.stringMatching(/^MDX syntax error: /) });
      expect(findings[0]!.line).toBeGreaterThanOrEqual(fileLine(body, 'Broken'));
    });
  });

  describe('unknown components', () => {
    test.each(['Chart', 'Embed', 'ActorCard'])('refuses <%s>, naming it', (name) => {
      const body = `Text.\n\n<${name} src="x" />\n`;
      const { findings, uses } = analyzeBody(body, 'mdx', OFFSET);
      expect(uses).toEqual([]);
      expect(findings).toEqual([expect.objectContaining({ kind: 'unknown-component', line: fileLine(body, `<${name}`), column: 1 })]);
      expect(findings[0]?.message).toContain(`<${name}>`);
    });

    test('refuses a member-expression component such as <Foo.Bar>', () => {
      const { findings } = analyzeBody('<Foo.Bar />\n', 'mdx', OFFSET);
      expect(findings.map((f) => f.kind)).toEqual(['unknown-component']);
    });

    test.each(['<div class="note">Note</div>', '<abbr title="North Atlantic Treaty Organization">NATO</abbr>', '<br />'])(
      'accepts the lower-case HTML element %s',
      (markup) => {
        expect(analyzeBody(`${markup}\n`, 'mdx', OFFSET).findings).toEqual([]);
      },
    );
  });

  describe('components in .md briefings', () => {
    test.each([
      ['a block component', 'Intro.\n\n<Position id="adams-no-deal" />\n', '<Position'],
      ['an inline component', 'Intro with <Actor id="alice-adams" /> inside.\n', '<Actor'],
      ['a Cite', 'A claim.<Cite source="wire" />\n', '<Cite'],
    ])('reports %s with a hint to rename the file to .mdx', (_, body, needle) => {
      const { findings, uses } = analyzeBody(body, 'md', OFFSET);
      expect(uses).toEqual([]);
      expect(findings).toEqual([expect.objectContaining({ kind: 'component-in-markdown', line: fileLine(body, needle) })]);
      expect(findings[0]?.message).toContain('.mdx');
    });

    test('does not mistake a component name inside a code span or block for a component', () => {
      const body = 'Write `<Actor id="x" />` in MDX.\n\n```mdx\n<Cite source="wire" />\n```\n';
      expect(analyzeBody(body, 'md', OFFSET).findings).toEqual([]);
    });

    test.each([
      ['import statements', 'import X from "y"\n'],
      ['braces', 'A set {a, b} in text.\n'],
      ['capitalised HTML-like tags', '<Foo />\n'],
    ])('treats %s as plain Markdown', (_, body) => {
      expect(analyzeBody(body, 'md', OFFSET).findings).toEqual([]);
    });
  });

  describe('word count', () => {
    test.each([
      ['one paragraph', 'Talks resumed on Monday in Geneva.\n', 6],
      ['two paragraphs', 'One two.\n\nThree four.\n', 4],
      ['a heading, a paragraph and a list', '# Title\n\nOne two.\n\n- alpha\n- beta\n', 5],
      ['a table', '| Day | Event |\n| --- | --- |\n| Mon | Talks |\n', 4],
      ['a component with text children', 'Met <Actor id="bob-brown">the envoy</Actor> today.\n', 4],
    ])('counts the words of %s', (_, body, expected) => {
      expect(analyzeBody(body, 'mdx', 1).wordCount).toBe(expected);
    });

    test('counts the words of a .md body the same way', () => {
      expect(analyzeBody('First paragraph here.\n\nSecond one.\n', 'md', 1).wordCount).toBe(5);
    });

    test('does not count component attributes, markup or punctuation-only tokens as words', () => {
      expect(analyzeBody('<Actor id="alice-adams" /> — <Cite source="wire" /> …\n', 'mdx', 1).wordCount).toBe(0);
    });
  });
});

describe('countWords', () => {
  test.each([
    ['', 0],
    ['   \n\t ', 0],
    ['one', 1],
    ['one  two\nthree', 3],
    ['Well — maybe.', 2],
    ['Сергей Лавров said 42 things', 5],
    ['state-of-the-art', 1],
  ])('counts %j as %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});
