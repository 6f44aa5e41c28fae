/**
 * Curly quotes, dashes and ellipses in body text: remark-smartypants 3.0.3, the
 * plugin Astro's Markdown runs, with the same two retext-smartypants passes and
 * the same output, but without the passes that cannot change anything.
 *
 * That plugin runs its second pass (dashes, ellipses, backticks) through retext
 * once for every text node, and parsing a text node into sentences costs more
 * than the rest of a body's compile: 45% of it on the benchmark's bodies. A text
 * node with no `--`, no ` `` ` or `''`, and no three dots with only spaces between
 * them has nothing that pass changes (see retext-smartypants' dashesDefault,
 * backticksDefault and ellipses*), so it is left as the first pass gave it; a
 * document with no straight quote skips the first pass. Parsing into sentences
 * and back gives back the very same text, so skipping a pass that would change
 * nothing changes nothing (tests/unit/remark-smartypants.test.ts holds it to the
 * original on every example and benchmark body).
 */
import type { Nodes, Parent, Root } from 'mdast';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** Block nodes: text starts afresh in them, so a quote at their start opens. */
const BLOCK_NODES = new Set(['paragraph', 'heading', 'tableCell']);
const VISITED_NODES = new Set(['text', 'inlineCode', ...BLOCK_NODES]);
const IGNORED_HTML_ELEMENTS = new Set(['style', 'script']);

/** What the second pass acts on; text without any of it comes out as it went in. */
const SECOND_PASS_TARGETS = /--|``|''|\.(?:\s*\.){2}/;
const STRAIGHT_QUOTE = /["']/;

type Literal = Extract<Nodes, { value: string }>;
const isLiteral = (node: Nodes): node is Literal => 'value' in node && typeof node.value === 'string';
const isBlock = (node: Nodes) => BLOCK_NODES.has(node.type);

const visited = (node: Nodes, _index: number | undefined, parent: Parent | undefined) =>
  Boolean(parent) &&
  (parent!.type !== 'mdxJsxTextElement' || ('name' in parent! && typeof parent.name === 'string' && !IGNORED_HTML_ELEMENTS.has(parent.name))) &&
  VISITED_NODES.has(node.type) &&
  (isLiteral(node) || isBlock(node));

export function remarkSmartypants() {
  // As remark-smartypants: quotes first, over the whole text, so that a quote pairs across
  // links and emphasis; then the rest, which changes lengths, node by node.
  const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
  const rest = retext().use(smartypants, { quotes: false });
  return (tree: Root) => {
    let allText = '';
    const nodes: Nodes[] = [];
    visit(tree, visited as never, (node: Nodes) => {
      if (isLiteral(node)) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      // A space before each block, so that a quote at its start is taken as opening.
      else allText += ' ';
      nodes.push(node);
    });
    if (STRAIGHT_QUOTE.test(allText)) allText = quotes.processSync(allText).toString();
    let start = 0;
    for (const node of nodes) {
      if (!isLiteral(node)) {
        start += 1;
        continue;
      }
      const end = start + node.value.length;
      if (node.type === 'text') {
        const text = allText.slice(start, end);
        node.value = SECOND_PASS_TARGETS.test(text) ? rest.processSync(text).toString() : text;
      }
      start = end;
    }
  };
}
