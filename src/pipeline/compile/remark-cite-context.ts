import path from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * `<Cite source="x" />` must know which briefing it is in (to number the source)
 * and which citation of that source it is (so the reference list can link back to
 * each one). MDX components receive only their own attributes, so this plugin
 * writes both in at compile time: `briefing="<slug>"` and `occurrence="<n>"`.
 */
export function remarkCiteContext() {
  return (tree: Root, file: VFile) => {
    const filePath = file.path ?? '';
    const slug = path.basename(filePath).replace(/\.mdx?$/, '');
    const seen = new Map<string, number>();
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      if (element.name !== 'Cite') return;
      const source = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'source');
      const key = typeof source?.value === 'string' ? source.value : '';
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      element.attributes.push(
        { type: 'mdxJsxAttribute', name: 'briefing', value: slug },
        { type: 'mdxJsxAttribute', name: 'occurrence', value: String(occurrence) },
      );
    });
  };
}
