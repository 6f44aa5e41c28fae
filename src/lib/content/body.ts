import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** The components an author may use in a briefing body without importing them. */
export const BODY_COMPONENTS = {
  Actor: { idAttribute: 'id' },
  Position: { idAttribute: 'id' },
  Cite: { idAttribute: 'source' },
} as const;
export type BodyComponentName = keyof typeof BODY_COMPONENTS;

export interface ComponentUse {
  name: BodyComponentName;
  /** Value of the `id`/`source` attribute; undefined when missing or not a plain string. */
  ref: string | undefined;
  /** Why `ref` is undefined, when it is. */
  problem?: 'missing' | 'expression';
  line: number;
  column: number;
}

export interface BodyFinding {
  kind: 'syntax' | 'esm' | 'expression' | 'unknown-component' | 'component-in-markdown';
  message: string;
  line: number;
  column: number;
}

export interface BodyAnalysis {
  uses: ComponentUse[];
  findings: BodyFinding[];
  /** Words of running text, for the reading-time estimate. */
  wordCount: number;
}

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const mdParser = unified().use(remarkParse).use(remarkGfm);

/**
 * Reads a briefing body the way the MDX compiler will, and reports the components
 * it uses with their positions. `lineOffset` is the file line the body starts on.
 */
export function analyzeBody(body: string, format: 'md' | 'mdx', lineOffset: number): BodyAnalysis {
  const uses: ComponentUse[] = [];
  const findings: BodyFinding[] = [];
  const at = (point: { line: number; column: number } | undefined) => ({
    line: (point?.line ?? 1) + lineOffset - 1,
    column: point?.column ?? 1,
  });

  let tree: Root;
  try {
    tree = (format === 'mdx' ? mdxParser : mdParser).parse(body) as Root;
  } catch (error) {
    const place = (error as { place?: { line: number; column: number } | { start: { line: number; column: number } } }).place;
    const point = place && 'start' in place ? place.start : place;
    findings.push({ kind: 'syntax', message: `MDX syntax error: ${(error as Error).message.split('\n')[0]}`, ...at(point) });
    return { uses, findings, wordCount: countWords(body) };
  }

  visit(tree, (node: RootContent | Root) => {
    switch (node.type) {
      case 'mdxjsEsm':
        findings.push({
          kind: 'esm',
          message: '`import`/`export` statements are not allowed in a briefing: MDX runs them as code at build time, and Actor, Position and Cite need no import',
          ...at(node.position?.start),
        });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        findings.push({
          kind: 'expression',
          message: `JavaScript expression {${node.value.trim().slice(0, 40)}} is not allowed in a briefing: MDX runs it as code at build time (write "\\{" for a literal brace)`,
          ...at(node.position?.start),
        });
        return;
      case 'html':
        if (format === 'md' && /<(Actor|Position|Cite)\b/.test(node.value)) {
          findings.push({
            kind: 'component-in-markdown',
            message: 'Actor, Position and Cite components only work in .mdx briefings; rename this file to .mdx',
            ...at(node.position?.start),
          });
        }
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!(name in BODY_COMPONENTS)) {
          // Lower-case names are HTML elements, which MDX passes through.
          if (/^[A-Z]/.test(name)) {
            findings.push({
              kind: 'unknown-component',
              message: `unknown component <${name}>: a briefing can use <Actor id>, <Position id> and <Cite source>`,
              ...at(node.position?.start),
            });
          }
          checkAttributesForExpressions(node.attributes, findings, at);
          return;
        }
        const component = name as BodyComponentName;
        const attributeName = BODY_COMPONENTS[component].idAttribute;
        const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === attributeName);
        const use: ComponentUse = { name: component, ref: undefined, ...at(node.position?.start) };
        if (!attribute || attribute.type !== 'mdxJsxAttribute' || attribute.value === null || attribute.value === undefined) {
          use.problem = 'missing';
        } else if (typeof attribute.value !== 'string') {
          use.problem = 'expression';
        } else {
          use.ref = attribute.value;
          if (attribute.position) Object.assign(use, at(attribute.position.start));
        }
        uses.push(use);
        checkAttributesForExpressions(
          node.attributes.filter((a) => a !== attribute),
          findings,
          at,
        );
        return;
      }
      default:
        return;
    }
  });

  return { uses, findings, wordCount: countWords(toString(tree)) };
}

function checkAttributesForExpressions(
  attributes: readonly { type: string; value?: unknown; position?: { start: { line: number; column: number } } }[],
  findings: BodyFinding[],
  at: (p: { line: number; column: number } | undefined) => { line: number; column: number },
): void {
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute' || (attribute.value !== null && typeof attribute.value === 'object')) {
      findings.push({
        kind: 'expression',
        message: 'JavaScript expressions in component attributes are not allowed in a briefing: write the value as a plain "string"',
        ...at(attribute.position?.start),
      });
    }
  }
}

export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
