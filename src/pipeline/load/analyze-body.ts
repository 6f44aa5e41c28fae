import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { BODY_COMPONENTS, type BodyComponentName } from '../../schemas/body-components.ts';
import { nearest } from '../../util/suggest.ts';
import { blockText, countWords } from './word-count.ts';


export interface ComponentUse {
  name: BodyComponentName;
  /** Value of the `id`/`source` attribute; undefined when missing or not a plain string. */
  ref: string | undefined;
  /** Why `ref` is undefined, when it is. */
  problem?: 'missing' | 'expression';
  /**
   * When the attribute is missing: the names of the attributes the component does
   * have, and the one that looks like a misspelling of it (`sorce` for `source`),
   * in which case `line`/`column` point at that attribute.
   */
  otherAttributes?: string[];
  misspelledAs?: string;
  line: number;
  column: number;
}

export interface AnalyzeOptions {
  /**
   * Accept `import`/`export` and `{expressions}` (see `allowMdxCodeFromEnv` in config/settings.ts).
   * Components imported or exported by the body then count as known.
   */
  allowCode?: boolean;
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
  /**
   * The body has MDX code (`import`/`export`, `{expressions}`, components it
   * imports), which only Astro's MDX runtime can run. Always reported as a
   * finding too unless code is allowed.
   */
  usesCode: boolean;
}

/**
 * GFM's autolink literals turn a bare "www.example.org" in running text into a
 * link. That changes neither components nor code, yet finding them is about a
 * third of the time it takes to parse a body, so the check's parser leaves them
 * out. (The one difference: a `{` inside a bare URL reads as an expression here,
 * which errs on the side of refusing.) If remark-gfm ever renames the constructs,
 * the filter stops matching and the check is merely slower.
 */
const AUTOLINK_LITERALS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink', 'transformGfmAutolinkLiterals']);
const isAutolink = (item: unknown) => AUTOLINK_LITERALS.has((item as { name?: string } | undefined)?.name ?? '');
/** Replaces (never mutates: extension objects may be shared) the GFM extensions of this processor with copies minus autolink literals. */
function withoutAutolinkLiterals(this: Processor) {
  const data = this.data() as Record<string, unknown>;
  type Syntax = { text?: Record<string, unknown> };
  type FromMarkdown = { transforms?: unknown[] };
  const syntax = (data.micromarkExtensions ?? []) as Syntax[];
  data.micromarkExtensions = syntax.map((extension) =>
    extension.text
      ? {
          ...extension,
          text: Object.fromEntries(
            Object.entries(extension.text).map(([code, constructs]) => [code, Array.isArray(constructs) ? constructs.filter((c) => !isAutolink(c)) : constructs]),
          ),
        }
      : extension,
  );
  const withoutTransforms = (item: FromMarkdown) => (item.transforms ? { ...item, transforms: item.transforms.filter((t) => !isAutolink(t)) } : item);
  const fromMarkdown = (data.fromMarkdownExtensions ?? []) as (FromMarkdown | FromMarkdown[])[];
  data.fromMarkdownExtensions = fromMarkdown.map((extension) => (Array.isArray(extension) ? extension.map(withoutTransforms) : withoutTransforms(extension)));
}

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(withoutAutolinkLiterals);
const mdParser = unified().use(remarkParse).use(remarkGfm).use(withoutAutolinkLiterals);

/**
 * Reads a briefing body the way the MDX compiler will, and reports the components
 * it uses with their positions. `lineOffset` is the file line the body starts on.
 */
export function analyzeBody(body: string, format: 'md' | 'mdx', lineOffset: number, options: AnalyzeOptions = {}): BodyAnalysis {
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
    return { uses, findings, wordCount: countWords(body), usesCode: false };
  }

  const allowCode = options.allowCode === true;
  const defined = allowCode ? namesDefinedByEsm(tree) : new Set<string>();
  let usesCode = false;

  visit(tree, (node: RootContent | Root) => {
    switch (node.type) {
      case 'mdxjsEsm':
        usesCode = true;
        if (allowCode) return;
        findings.push({
          kind: 'esm',
          message: '`import`/`export` statements are not allowed in a briefing: MDX runs them as code at build time, and Actor, Position and Cite need no import',
          ...at(node.position?.start),
        });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        usesCode = true;
        if (allowCode) return;
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
        if (node.attributes.some(isExpressionAttribute)) usesCode = true;
        if (!(name in BODY_COMPONENTS)) {
          if (/^[A-Z]/.test(name)) usesCode = true;
          // Lower-case names are HTML elements, which MDX passes through.
          if (/^[A-Z]/.test(name) && !defined.has(name.split('.')[0] ?? name)) {
            findings.push({
              kind: 'unknown-component',
              message: `unknown component <${name}>: a briefing can use <Actor id>, <Position id> and <Cite source>`,
              ...at(node.position?.start),
            });
          }
          if (!allowCode) checkAttributesForExpressions(node.attributes, findings, at);
          return;
        }
        const component = name as BodyComponentName;
        const attributeName = BODY_COMPONENTS[component].idAttribute;
        const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === attributeName);
        const use: ComponentUse = { name: component, ref: undefined, ...at(node.position?.start) };
        if (!attribute || attribute.type !== 'mdxJsxAttribute' || attribute.value === null || attribute.value === undefined) {
          use.problem = 'missing';
          const others = node.attributes.flatMap((a) => (a.type === 'mdxJsxAttribute' && a.name !== attributeName ? [a] : []));
          use.otherAttributes = others.map((a) => a.name);
          const guess = nearest(attributeName, use.otherAttributes);
          const misspelled = others.find((a) => a.name === guess);
          if (misspelled) {
            use.misspelledAs = misspelled.name;
            if (misspelled.position) Object.assign(use, at(misspelled.position.start));
          }
        } else if (typeof attribute.value !== 'string') {
          use.problem = 'expression';
        } else {
          use.ref = attribute.value;
          if (attribute.position) Object.assign(use, at(attribute.position.start));
        }
        uses.push(use);
        if (!allowCode) {
          checkAttributesForExpressions(
            node.attributes.filter((a) => a !== attribute),
            findings,
            at,
          );
        }
        return;
      }
      default:
        return;
    }
  });

  // Count block by block: mdast-util-to-string joins blocks with no space, fusing words.
  const text = tree.children.map((block) => blockText(block)).join(' ');
  return { uses, findings, wordCount: countWords(text), usesCode };
}

/** Names that `import`/`export` statements of the body bind, e.g. an imported component. */
function namesDefinedByEsm(tree: Root): Set<string> {
  const names = new Set<string>();
  type Id = { type: string; name?: string };
  type Statement = {
    type: string;
    specifiers?: { local?: Id }[];
    declaration?: { type: string; id?: Id | null; declarations?: { id: Id }[] } | null;
  };
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    const program = (node.data as { estree?: { body: Statement[] } } | undefined)?.estree;
    for (const statement of program?.body ?? []) {
      for (const specifier of statement.specifiers ?? []) if (specifier.local?.name) names.add(specifier.local.name);
      const declaration = statement.declaration;
      if (declaration?.id?.name) names.add(declaration.id.name);
      for (const d of declaration?.declarations ?? []) if (d.id.name) names.add(d.id.name);
    }
  }
  return names;
}

function checkAttributesForExpressions(
  attributes: readonly { type: string; value?: unknown; position?: { start: { line: number; column: number } } }[],
  findings: BodyFinding[],
  at: (p: { line: number; column: number } | undefined) => { line: number; column: number },
): void {
  for (const attribute of attributes) {
    if (isExpressionAttribute(attribute)) {
      findings.push({
        kind: 'expression',
        message: 'JavaScript expressions in component attributes are not allowed in a briefing: write the value as a plain "string"',
        ...at(attribute.position?.start),
      });
    }
  }
}

function isExpressionAttribute(attribute: { type: string; value?: unknown }): boolean {
  return attribute.type === 'mdxJsxExpressionAttribute' || (attribute.value !== null && typeof attribute.value === 'object');
}
