import { describe, expect, test } from 'vitest';
import { parseFrontmatterFile } from '../../src/pipeline/load/frontmatter.ts';
import { lineOf, positionOf } from '../helpers/text.ts';

const BRIEFING = `---
title: First talks
date: 2022-01-10
topics: [talks, sanctions]
sources:
  - id: wire
    title: Wire report
    url: https://example.org/wire
positions:
  - id: adams-no-deal
    actor: alice-adams
    stance: No deal yet.
    sources: [wire]
  - id: brown-hopeful
    actor: bob-brown
    stance: Hopeful.
    sources: [wire, transcript]
---
The body starts here.

Second paragraph.
`;

describe('parseFrontmatterFile', () => {
  describe('splitting frontmatter from body', () => {
    test('returns the body that follows the closing "---" line', () => {
      const parsed = parseFrontmatterFile(BRIEFING);
      expect(parsed.body).toBe('The body starts here.\n\nSecond paragraph.\n');
      expect(parsed.missingFrontmatter).toBe(false);
      expect(parsed.yamlErrors).toEqual([]);
    });

    test('reports the file line on which the body starts', () => {
      expect(parseFrontmatterFile(BRIEFING).bodyStartLine).toBe(lineOf(BRIEFING, 'The body starts here.'));
    });

    test.each([
      ['a blank line after the frontmatter', '---\ntitle: x\n---\n\nBody\n'],
      ['CRLF line endings', '---\r\ntitle: x\r\ndate: 2022-01-10\r\n---\r\nBody\r\n'],
      ['a byte-order mark', '\uFEFF---\ntitle: x\n---\nBody\n'],
      ['trailing spaces on the fence lines', '---  \ntitle: x\n---\t\nBody\n'],
      ['a thematic break "---" later in the body', '---\ntitle: x\n---\nBody\n\n---\n\nMore\n'],
      ['an empty frontmatter block', '---\n---\nBody\n'],
    ])('counts the body start line correctly with %s', (_, source) => {
      const parsed = parseFrontmatterFile(source);
      const expectedLine = source.replace(/^\uFEFF/, '').split(/\r?\n/).findIndex((line, i) => i > 0 && /^---\s*$/.test(line)) + 2;
      expect(parsed.bodyStartLine).toBe(expectedLine);
      expect(parsed.body.replace(/^\s+/, '')).toMatch(/^Body/);
    });

    test('keeps a thematic break in the body rather than taking it as the closing fence', () => {
      const parsed = parseFrontmatterFile('---\ntitle: x\n---\nBody\n\n---\n\nMore\n');
      expect(parsed.data).toEqual({ title: 'x' });
      expect(parsed.body).toBe('Body\n\n---\n\nMore\n');
    });

    test('gives an empty object for an empty frontmatter block', () => {
      expect(parseFrontmatterFile('---\n---\nBody\n').data).toEqual({});
    });
  });

  describe('values', () => {
    test.each([
      ['a real date', 'date: 2022-01-10', { date: '2022-01-10' }],
      ['an impossible date, which must not roll over to March', 'date: 2022-02-30', { date: '2022-02-30' }],
      ['a date with a time', 'date: 2022-01-10T10:00:00Z', { date: '2022-01-10T10:00:00Z' }],
      ['a YAML 1.1 boolean word', 'draft: yes', { draft: 'yes' }],
    ])('keeps %s a string', (_, line, expected) => {
      expect(parseFrontmatterFile(`---\n${line}\n---\n`).data).toEqual(expected);
    });

    test('parses booleans, numbers, lists and nested maps', () => {
      const parsed = parseFrontmatterFile('---\ndraft: true\ncount: 3\ntopics: [a, b]\nlinks:\n  - label: L\n    url: https://x.org\n---\n');
      expect(parsed.data).toEqual({ draft: true, count: 3, topics: ['a', 'b'], links: [{ label: 'L', url: 'https://x.org' }] });
    });

    test('keeps HTML-looking text as plain text', () => {
      expect(parseFrontmatterFile('---\ntitle: "Talks <script>alert(1)</script>"\n---\n').data).toEqual({
        title: 'Talks <script>alert(1)</script>',
      });
    });
  });

  describe('locate', () => {
    const parsed = parseFrontmatterFile(BRIEFING);

    test.each([
      [['title'], 'First talks'],
      [['date'], '2022-01-10'],
      [['topics', 1], 'sanctions'],
      [['sources', 0, 'url'], 'https://example.org/wire'],
      [['positions', 0, 'actor'], 'alice-adams'],
      [['positions', 1, 'actor'], 'bob-brown'],
      [['positions', 1, 'id'], 'brown-hopeful'],
      [['positions', 1, 'sources', 1], 'transcript'],
    ])('points at the value of %j', (path, value) => {
      expect(parsed.locate(path)).toEqual(positionOf(BRIEFING, value));
    });

    test.each([
      [['title'], 'title:'],
      [['positions'], 'positions:'],
      [['positions', 1, 'actor'], 'actor: bob-brown'],
      [['sources', 0, 'url'], 'url:'],
    ])('points at the key of %j when asked for the key', (path, key) => {
      expect(parsed.locate(path, 'key')).toEqual(positionOf(BRIEFING, key));
    });

    test('points at the list item itself for an index path', () => {
      expect(parsed.locate(['positions', 1])).toEqual(positionOf(BRIEFING, 'id: brown-hopeful'));
    });

    test('falls back to the nearest existing parent for a key that is not there', () => {
      expect(parsed.locate(['positions', 1, 'quote'])).toEqual(positionOf(BRIEFING, 'id: brown-hopeful'));
    });

    test('points at the first frontmatter line for a missing top-level field', () => {
      expect(parsed.locate(['summary'], 'key')).toEqual({ line: 2, column: 1 });
    });

    test('counts lines in the file, not in the frontmatter, with CRLF line endings', () => {
      const crlf = BRIEFING.replace(/\n/g, '\r\n');
      expect(parseFrontmatterFile(crlf).locate(['positions', 1, 'actor'])).toEqual(positionOf(BRIEFING, 'bob-brown'));
    });
  });

  describe('YAML errors', () => {
    test('locates an indentation error on the offending line', () => {
      const source = '---\ntitle: x\nsummary: y\n  date: 2022-01-10\n---\nBody\n';
      const parsed = parseFrontmatterFile(source);
      expect(parsed.yamlErrors.length).toBeGreaterThan(0);
      expect(parsed.yamlErrors[0]?.line).toBe(lineOf(source, 'summary: y'));
      expect(parsed.data).toBeUndefined();
    });

    test('locates a duplicated key at its second occurrence', () => {
      const source = '---\ntitle: a\nsummary: s\ntitle: b\n---\n';
      const parsed = parseFrontmatterFile(source);
      expect(parsed.yamlErrors).toEqual([expect.objectContaining({ line: lineOf(source, 'title: b'), column: 1 })]);
      expect(parsed.yamlErrors[0]?.message).toMatch(/unique/i);
    });

    test('reports an unclosed flow sequence', () => {
      const source = '---\ntitle: x\ntopics: [talks, sanctions\ndate: 2022-01-10\n---\n';
      const parsed = parseFrontmatterFile(source);
      expect(parsed.yamlErrors.length).toBeGreaterThan(0);
      for (const error of parsed.yamlErrors) {
        expect(error.line).toBeGreaterThanOrEqual(lineOf(source, 'topics:'));
        expect(error.line).toBeLessThanOrEqual(lineOf(source, 'date:'));
      }
    });

    test('keeps each message to a single line', () => {
      const parsed = parseFrontmatterFile('---\ntitle: "unclosed\n---\n');
      expect(parsed.yamlErrors.length).toBeGreaterThan(0);
      for (const error of parsed.yamlErrors) expect(error.message).not.toContain('\n');
    });

    test('reports a frontmatter block that is never closed', () => {
      const parsed = parseFrontmatterFile('---\ntitle: x\nBody without a fence\n');
      expect(parsed.missingFrontmatter).toBe(false);
      expect(parsed.yamlErrors.map((e) => e.message)).toContain('the frontmatter has no closing "---" line');
    });

    test('refuses an alias bomb instead of expanding it', () => {
      const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
      const parsed = parseFrontmatterFile(`---\n${bomb}\n---\n`);
      expect(parsed.data).toBeUndefined();
      expect(parsed.yamlErrors.length).toBeGreaterThan(0);
    });
  });

  describe('files without frontmatter', () => {
    test.each([
      ['a body only', 'Just a body.\n'],
      ['a fence that is not on the first line', '\n---\ntitle: x\n---\n'],
      ['an empty file', ''],
    ])('flags %s as missing frontmatter and keeps the whole text as body', (_, source) => {
      const parsed = parseFrontmatterFile(source);
      expect(parsed.missingFrontmatter).toBe(true);
      expect(parsed.data).toBeUndefined();
      expect(parsed.body).toBe(source);
      expect(parsed.bodyStartLine).toBe(1);
      expect(parsed.yamlErrors).toEqual([]);
    });
  });
});
