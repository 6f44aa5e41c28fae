import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { analyzeBody } from '../../src/pipeline/load/analyze-body.ts';
import { cachingAnalyzer } from '../../src/pipeline/load/analysis-cache.ts';
import { inlineBodyAnalyzer, type BodyAnalyzer, type BodyJob } from '../../src/pipeline/load/load-content.ts';
import { BodyCodeError, compileBody, type BodyNode, type ComponentCall } from '../../src/pipeline/compile/compile-body.ts';
import { bodyKey, compiledBody } from '../../src/pipeline/compile/compiled-bodies.ts';
import { precompileBodies } from '../../src/pipeline/compile/precompile.ts';

const html = (nodes: BodyNode[]) => nodes.filter((n): n is string => typeof n === 'string').join('');
const calls = (nodes: BodyNode[]) => nodes.filter((n): n is ComponentCall => typeof n !== 'string');

const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-bodies-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('compileBody', () => {
  test('GFM, smart quotes and heading ids, as Astro compiles Markdown', async () => {
    const nodes = await compileBody(
      '## Where "this" leaves us\n\n| A | B |\n| - | - |\n| 1 | 2 |\n\n~~old~~ and a note.[^n]\n\n- [x] done\n\n[^n]: The note.\n',
      'md',
      'x.md',
    );
    const out = html(nodes);
    expect(out).toContain('<h2 id="where-this-leaves-us">Where “this” leaves us</h2>');
    expect(out).toContain('<table>');
    expect(out).toContain('<del>old</del>');
    expect(out).toContain('data-footnotes');
    expect(out).toMatch(/<input type="checkbox" checked[^>]*disabled/);
    expect(calls(nodes)).toEqual([]);
  });

  test('components become calls in place, with their attributes, children and citation context', async () => {
    const nodes = await compileBody(
      'Talks with <Actor id="bob">the *envoy*</Actor> went on.<Cite source="wire" /> Again.<Cite source="wire" />\n\n<Position id="p-1" />\n',
      'mdx',
      'first-talks.mdx',
    );
    const [actor, cite1, cite2, position] = calls(nodes);
    expect(actor).toMatchObject({ component: 'Actor', props: { id: 'bob' } });
    expect(html(actor!.children)).toBe('the <em>envoy</em>');
    expect(cite1).toMatchObject({ component: 'Cite', props: { source: 'wire', briefing: 'first-talks', occurrence: '1' } });
    expect(cite2).toMatchObject({ component: 'Cite', props: { occurrence: '2' } });
    expect(position).toMatchObject({ component: 'Position', props: { id: 'p-1' } });
    // The calls sit between the HTML around them, in reading order.
    expect(nodes[0]).toBe('<p>Talks with ');
    expect(nodes[2]).toBe(' went on.');
  });

  test('lower-case JSX elements pass through as HTML, attributes escaped', async () => {
    const out = html(await compileBody('<details open><summary>More "detail"</summary>Text & more</details>\n', 'mdx', 'x.mdx'));
    expect(out).toContain('<details open><summary>More “detail”</summary>');
    expect(out).toContain('Text &#x26; more');
  });

  test('raw HTML in a .md body stays HTML', async () => {
    expect(html(await compileBody('<div class="note">Hi</div>\n', 'md', 'x.md'))).toContain('<div class="note">Hi</div>');
  });

  test('MDX code is left to the MDX runtime', async () => {
    await expect(compileBody('Two is {1 + 1}.\n', 'mdx', 'x.mdx')).rejects.toBeInstanceOf(BodyCodeError);
    await expect(compileBody('import X from "./x.js"\n\nHi\n', 'mdx', 'x.mdx')).rejects.toBeInstanceOf(BodyCodeError);
    await expect(compileBody('<Actor id={"bob"} />\n', 'mdx', 'x.mdx')).rejects.toBeInstanceOf(BodyCodeError);
  });
});

describe('compiled bodies are cached by their source', () => {
  const bodies = [
    { source: 'One <Actor id="a" />.\n', format: 'mdx' as const, fileName: 'one.mdx' },
    { source: 'Two.\n', format: 'md' as const, fileName: 'two.md' },
  ];

  test('the key changes with the text, the format and the file (citations are numbered per file)', () => {
    const key = bodyKey(bodies[0]!);
    expect(bodyKey({ ...bodies[0]!, source: 'One.\n' })).not.toBe(key);
    expect(bodyKey({ ...bodies[0]!, fileName: 'other.mdx' })).not.toBe(key);
    expect(bodyKey({ ...bodies[0]!, format: 'md' })).not.toBe(key);
    expect(bodyKey({ ...bodies[0]! })).toBe(key);
  });

  test('a second build reuses every body from the cache file; an edit recompiles only that body', async () => {
    const file = path.join(scratch, 'bodies.json');
    expect(await precompileBodies(bodies, file)).toEqual({ compiled: 2, reused: 0 });
    // A new process has an empty store: clear this one's to read the file.
    (globalThis as Record<symbol, unknown>)[Symbol.for('briefing-desk.compiled-bodies')] = new Map();
    expect(await precompileBodies(bodies, file)).toEqual({ compiled: 0, reused: 2 });
    (globalThis as Record<symbol, unknown>)[Symbol.for('briefing-desk.compiled-bodies')] = new Map();
    const edited = [bodies[0]!, { ...bodies[1]!, source: 'Two, edited.\n' }];
    expect(await precompileBodies(edited, file)).toEqual({ compiled: 1, reused: 1 });
    expect(html(await compiledBody(edited[1]!))).toBe('<p>Two, edited.</p>');
  });

  test('a cache file written by another version of the pipeline is ignored', async () => {
    const file = path.join(scratch, 'stale.json');
    writeFileSync(file, JSON.stringify({ versions: 'pipeline@0', entries: { [bodyKey(bodies[1]!)]: ['<p>stale</p>'] } }));
    (globalThis as Record<symbol, unknown>)[Symbol.for('briefing-desk.compiled-bodies')] = new Map();
    expect(await precompileBodies([bodies[1]!], file)).toEqual({ compiled: 1, reused: 0 });
    expect(html(await compiledBody(bodies[1]!))).toBe('<p>Two.</p>');
  });
});

describe('body analyses are cached between builds', () => {
  const job = (body: string): BodyJob => ({ body, format: 'mdx', lineOffset: 5, options: {} });
  /** An analyzer that records what reaches it. */
  const spy = () => {
    const seen: string[] = [];
    const inner = inlineBodyAnalyzer();
    const analyzer: BodyAnalyzer = { submit: (j) => (seen.push(j.body), inner.submit(j)), collect: () => inner.collect() };
    return { analyzer, seen };
  };

  test('only new or edited bodies are analyzed; results are the same as analyzing afresh', () => {
    const file = path.join(scratch, 'analyses.json');
    const bodies = ['Hello <Actor id="a" />.\n', 'A {broken expression.\n', 'Plain words here.\n'];
    const first = spy();
    const run1 = cachingAnalyzer(first.analyzer, file);
    bodies.forEach((b) => run1.submit(job(b)));
    run1.collect();
    run1.save();
    expect(first.seen).toEqual(bodies);

    const second = spy();
    const run2 = cachingAnalyzer(second.analyzer, file);
    const edited = [bodies[0]!, 'Plain words, edited.\n', bodies[1]!];
    edited.forEach((b) => run2.submit(job(b)));
    const results = run2.collect();
    expect(second.seen).toEqual(['Plain words, edited.\n']);
    expect(results).toEqual(edited.map((b) => analyzeBody(b, 'mdx', 5)));
    // The findings of a cached body keep their file positions.
    expect(results[2]!.findings[0]).toMatchObject({ kind: 'syntax', line: 5 });
  });
});
