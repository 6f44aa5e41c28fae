/** A body's word count, for reading times: words are runs with a letter or a digit, in any script. */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Text of a block with its child blocks (list items, table cells) separated by spaces. */
export function blockText(node: RootContent): string {
  if ('children' in node && Array.isArray(node.children) && node.type !== 'paragraph' && node.type !== 'heading') {
    return (node.children as RootContent[]).map(blockText).join(' ');
  }
  return toString(node);
}

export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
