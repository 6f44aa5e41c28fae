/**
 * What the Skia drawer (raster.ts, and skia-text.ts for words) throws for SVG it
 * does not draw; `drawSvg` catches it, and render.ts hands the card on to the
 * outlines or to librsvg.
 */
export class Unsupported extends Error {}

/** A numeric attribute's value; anything else is SVG the drawer does not draw. */
export function numberAttribute(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n)) throw new Unsupported(`${what}="${value}"`);
  return n;
}
