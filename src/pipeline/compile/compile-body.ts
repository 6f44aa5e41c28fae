/**
 * Compiles a briefing body or an actor bio to HTML, outside Astro's bundler.
 *
 * Astro would compile each `.mdx` file into a JavaScript module and bundle a
 * thousand of them for every build, although a body without code (the default:
 * see `allowMdxCodeFromEnv` in config/settings.ts) is only Markdown plus three components with
 * string attributes. So the body is compiled here, with the same plugins Astro
 * runs (GFM, smartypants, Shiki, heading ids, raw HTML), into HTML with the
 * component calls left as holes; the page fills the holes at render time from
 * the resolved site, so a renamed actor shows up without recompiling a body.
 * The result depends only on the source text, so it is cached (compiled-bodies.ts).
 */
import { markdownConfigDefaults, rehypeHeadingIds, rehypeShiki, syntaxHighlightDefaults } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import { BODY_COMPONENTS, type BodyComponentName } from '../../schemas/body-components.ts';
import { remarkCiteContext } from './remark-cite-context.ts';
import { remarkSmartypants } from './remark-smartypants.ts';

/** A component call in a compiled body: `<Actor id="x">children</Actor>`. */
export interface ComponentCall {
  component: BodyComponentName;
  /** String attributes as written, plus those remark-cite-context adds. */
  props: Record<string, string>;
  children: BodyNode[];
}
/** Compiled body: HTML strings with component calls between them. */
export type BodyNode = string | ComponentCall;

/**
 * Bump when the compiled output changes for the same source (plugins, their
 * options, the node format), so cached bodies from older versions are not reused.
 */
export const BODY_PIPELINE_VERSION = 2;

/** MDX's own node types: remark-rehype and rehype-raw pass them through untouched. */
const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

/** Shiki only when a body has a code block: creating the highlighter costs more than the rest of a body. */
function highlightCodeBlocks(this: Processor) {
  const shiki = rehypeShiki.call(this, markdownConfigDefaults.shikiConfig, syntaxHighlightDefaults.excludeLangs);
  return async (tree: HastRoot) => {
    let hasCode = false;
    visitElements(tree, (element) => {
      if (element.tagName === 'pre') hasCode = true;
    });
    if (hasCode) await (shiki as unknown as (tree: HastRoot) => Promise<void>)(tree);
  };
}

/**
 * GFM task lists render as disabled checkboxes with no label, which screen readers
 * announce as "checkbox" alone (axe: label). Each gets the state as its name.
 */
function labelTaskCheckboxes() {
  return (tree: HastRoot) => {
    visitElements(tree, (element) => {
      if (element.tagName === 'input' && element.properties.type === 'checkbox' && element.properties.ariaLabel === undefined) {
        element.properties.ariaLabel = element.properties.checked ? 'Done' : 'Not done';
      }
    });
  };
}

function createProcessor(format: 'md' | 'mdx'): Processor {
  const processor = unified().use(remarkParse);
  if (format === 'mdx') processor.use(remarkMdx);
  return processor
    .use(remarkGfm)
    .use(remarkSmartypants)
    .use(remarkCiteContext)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: MDX_NODE_TYPES } as never)
    .use(rehypeRaw, { passThrough: MDX_NODE_TYPES })
    .use(highlightCodeBlocks)
    .use(labelTaskCheckboxes)
    .use(rehypeHeadingIds) as unknown as Processor;
}

const processors = { md: createProcessor('md'), mdx: createProcessor('mdx') };

export class BodyCodeError extends Error {}

/**
 * Compiles `source` (the body, without frontmatter). `fileName` is the file's
 * base name (`<slug>.mdx`): citations are numbered per briefing by it. Throws
 * BodyCodeError for MDX code (`import`, `export`, `{expressions}`), which only
 * Astro's MDX runtime can run: bodies allowed to have code go through it.
 */
export async function compileBody(source: string, format: 'md' | 'mdx', fileName: string): Promise<BodyNode[]> {
  const processor = processors[format];
  const file = new VFile({ value: source, path: fileName, data: { astro: { frontmatter: {} } } });
  const tree = (await processor.run(processor.parse(file), file)) as HastRoot;
  return toBodyNodes(tree.children, fileName);
}

/** Serializes nodes to HTML, leaving a hole (a marker comment) for each component call. */
function toBodyNodes(nodes: readonly HastContent[], fileName: string): BodyNode[] {
  const calls: ComponentCall[] = [];
  const marker = (index: number) => `briefing-component-${index}`;
  const replace = (node: HastContent): HastContent => {
    if (isMdxJsx(node)) {
      const name = node.name ?? '';
      if (name in BODY_COMPONENTS) {
        const call: ComponentCall = {
          component: name as BodyComponentName,
          props: stringAttributes(node, fileName),
          children: toBodyNodes(node.children as HastContent[], fileName),
        };
        return { type: 'comment', value: marker(calls.push(call) - 1) };
      }
      if (!/^[a-z]/.test(name)) throw new BodyCodeError(`${fileName}: <${name || '>'}> is not a component a briefing can use`);
      return h(name, stringAttributes(node, fileName), (node.children as HastContent[]).map(replace) as ElementContent[]);
    }
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') {
      throw new BodyCodeError(`${fileName}: MDX code needs Astro's MDX runtime`);
    }
    if ('children' in node) return { ...node, children: (node.children as HastContent[]).map(replace) } as HastContent;
    return node;
  };
  const html = toHtml({ type: 'root', children: nodes.map(replace) }, { allowDangerousHtml: true });
  const parts = html.split(/<!--briefing-component-(\d+)-->/);
  const out: BodyNode[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) out.push(calls[Number(part)]!);
    else if (part) out.push(part);
  });
  return out;
}

function isMdxJsx(node: HastContent): node is MdxJsxFlowElementHast | MdxJsxTextElementHast {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

function stringAttributes(node: MdxJsxFlowElementHast | MdxJsxTextElementHast, fileName: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string')) {
      throw new BodyCodeError(`${fileName}: <${node.name}> has an attribute that is a JavaScript expression`);
    }
    // `<details open>`: a bare attribute is an empty string in HTML.
    props[attribute.name] = attribute.value ?? '';
  }
  return props;
}

function visitElements(node: HastRoot | ElementContent, visitor: (element: Element) => void): void {
  if (node.type === 'element') visitor(node);
  if ('children' in node) for (const child of node.children) visitElements(child as ElementContent, visitor);
}
