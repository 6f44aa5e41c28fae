/**
 * Where `needle` first occurs in `text` (after `occurrence - 1` earlier ones), as the
 * 1-based line and column an editor would show: what a located diagnostic must point at.
 */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`positionOf(): ${JSON.stringify(needle)} (occurrence ${occurrence}) not found`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/** The 1-based line on which `needle` first occurs in `text`. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  return positionOf(text, needle, occurrence).line;
}
