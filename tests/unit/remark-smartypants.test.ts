import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import original from 'remark-smartypants';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { remarkSmartypants } from '../../src/pipeline/compile/remark-smartypants.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The body's tree after one of the two plugins, as JSON. */
function treeAfter(plugin: 'original' | 'ours', source: string, format: 'md' | 'mdx'): string {
  const processor = unified().use(remarkParse);
  if (format === 'mdx') processor.use(remarkMdx);
  processor.use(remarkGfm);
  const tree = processor.parse(source) as Root;
  const transform = plugin === 'original' ? (original as unknown as () => (tree: Root) => void)() : remarkSmartypants();
  transform(tree);
  return JSON.stringify(tree);
}

const bodyOf = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

/** Text that makes every rule of SmartyPants fire, and the cases its passes are skipped on. */
const HOSTILE = [
  'He said "yes" -- and then \'no\'... or . . . maybe.',
  'The \'80s, rock \'n\' roll, ``backticks\'\' and ``only opening.',
  '"Quote at the start" of a block, and one at the end: "',
  '> "Quoted" in a quote -- with `inline "code" -- kept` and **"strong"** [a "link"](https://x.test/"q").',
  '| "A" | B -- C |\n| --- | --- |\n| it\'s | 1...2 |',
  'Dots. Sentences. Each one. No ellipsis here.',
  'Two dots .. and four .... and spaced . . . . dots, dash --- triple.',
  '# "Heading" -- with <Actor id="x">"an actor\'s" name</Actor>',
  'Nothing to change here at all',
  '<script>"left" -- alone</script>\n\nAfter the "script".',
  'Lines\nbroken "across\nlines" -- here.',
  // One thing for the second pass in a text node, and nothing else.
  'A dash -- alone',
  'Only ``backticks',
  'Only dots ...',
  'Only spaced dots . . . here',
  'Spaced over a line break .\n. . here',
];

describe('remark-smartypants (ours): the same trees as remark-smartypants 3.0.3', () => {
  test('on hostile text: every rule, and every skipped pass', () => {
    for (const source of HOSTILE) {
      for (const format of ['md', 'mdx'] as const) {
        expect(treeAfter('ours', source, format), `${format}: ${source}`).toBe(treeAfter('original', source, format));
      }
    }
  });

  test('it does change text: quotes, dashes, ellipses, backticks', () => {
    const tree = JSON.parse(treeAfter('ours', 'He said "yes" -- then ``no\'\'... it\'s', 'md')) as Root;
    expect(JSON.stringify(tree)).toContain('He said “yes” — then “no”… it’s');
  });

  test('on every body of the example site and the test fixtures', () => {
    const files = globSync(['content/**/*.{md,mdx}', 'tests/fixtures/**/*.{md,mdx}'], { cwd: ROOT });
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = bodyOf(readFileSync(path.join(ROOT, file), 'utf8'));
      const format = file.endsWith('.mdx') ? 'mdx' : 'md';
      let expected: string;
      try {
        expected = treeAfter('original', source, format);
      } catch {
        continue; // Fixtures with deliberately broken MDX: nothing to compare.
      }
      expect(treeAfter('ours', source, format), file).toBe(expected);
    }
  });

  test('on 200 benchmark bodies', () => {
    const { briefings } = generateCorpus({ briefings: 200, actors: 30, seed: 3 });
    for (const briefing of briefings) expect(treeAfter('ours', briefing.body, 'mdx'), briefing.slug).toBe(treeAfter('original', briefing.body, 'mdx'));
  });
});
