/**
 * Draws a card's SVG with Skia (@napi-rs/canvas) instead of librsvg.
 *
 * Satori writes a small, fixed part of SVG: filled rects, filled paths (the text,
 * as glyph outlines), groups that translate and fill, images (the logo), and
 * masks and clip paths that are all one rect. Skia fills these paths in about a
 * third of librsvg's time, and a canvas is reused from card to card where
 * librsvg sets up a new surface for each (bench/RESULTS.md, "Card CPU").
 *
 * Anything outside that part makes `drawSvg` return undefined, and render.ts
 * hands the SVG to librsvg as before: a change in satori's output can cost
 * speed, never a wrong card. tests/unit/card-raster.test.ts holds Skia's pixels
 * to librsvg's on every kind of card.
 */
import { createCanvas, Image, Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { drawText, joinWords } from './skia-text.ts';
import type { PixelSource } from './png.ts';
import { numberAttribute as number, Unsupported } from './unsupported.ts';

/** A card's pixels: all of them (`data`), or a band of rows at a time for the PNG encoder (png.ts). */
export interface RawPixels extends PixelSource {
  /** RGBA, 8 bits a channel, not premultiplied. */
  readonly data: Uint8ClampedArray;
}

const ELEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
  svg: ['width', 'height', 'viewBox', 'xmlns'],
  mask: ['id'],
  clipPath: ['id'],
  rect: ['x', 'y', 'width', 'height', 'fill', 'mask', 'clip-path'],
  g: ['transform', 'fill'],
  path: ['d', 'fill', 'transform', 'mask', 'clip-path'],
  image: ['x', 'y', 'width', 'height', 'href', 'preserveAspectRatio', 'clip-path', 'mask'],
  // Words satori did not outline (skia-text.ts).
  text: ['x', 'y', 'width', 'height', 'font-weight', 'font-style', 'font-size', 'font-family', 'letter-spacing', 'fill', 'transform', 'clip-path', 'mask'],
};

// One tag or comment at the current position (sticky): any text between tags is not satori's output.
const TAG = /\s*(?:<!--[\s\S]*?-->|<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"]*")*)\s*(\/?)>)/y;
const ATTRIBUTE = /([a-zA-Z:-]+)="([^"]*)"/g;
const COLOR = /^(#[0-9a-fA-F]{3,8}|rgba?\([\d.,\s%]+\)|none|transparent|white|black)$/;
const TRANSFORM = /^(?:translate\((-?[\d.]+)[ ,]+(-?[\d.]+)\))?\s*(?:scale\((-?[\d.]+)(?:[ ,]+(-?[\d.]+))?\))?$/;
const URL_REF = /^url\(#([^)]+)\)$/;

interface Box { x: number; y: number; width: number; height: number }
interface Element { name: string; attributes: Record<string, string>; selfClosing: boolean; closing: boolean; content?: string }

function* elements(svg: string): Generator<Element> {
  TAG.lastIndex = 0;
  while (TAG.lastIndex < svg.length) {
    const start = TAG.lastIndex;
    const match = TAG.exec(svg);
    if (!match) {
      if (svg.slice(start).trim() === '') return;
      throw new Unsupported(`text or markup at ${start}`);
    }
    const [, closing, name, attributeText, selfClosing] = match;
    if (!name) continue; // a comment
    const allowed = ELEMENT_ATTRIBUTES[name];
    if (!allowed) throw new Unsupported(`<${name}>`);
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText!.matchAll(ATTRIBUTE)) {
      if (!allowed.includes(key!)) throw new Unsupported(`${name}[${key}]`);
      attributes[key!] = decodeEntities(value!);
    }
    if (name === 'text' && !closing && selfClosing !== '/') {
      // A text element holds its words and nothing else: read up to its end tag, as one element.
      const end = svg.indexOf('</text>', TAG.lastIndex);
      const content = end < 0 ? '' : svg.slice(TAG.lastIndex, end);
      if (end < 0 || content.includes('<')) throw new Unsupported('text with markup inside');
      TAG.lastIndex = end + '</text>'.length;
      yield { name, attributes, selfClosing: true, closing: false, content: decodeEntities(content) };
      continue;
    }
    yield { name, attributes, selfClosing: selfClosing === '/', closing: closing === '/' };
  }
}

const decodeEntities = (value: string) => (value.includes('&') ? value.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ENTITIES[e]!) : value);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

const boxOf = (a: Record<string, string>): Box => ({ x: number(a.x ?? '0', 'x'), y: number(a.y ?? '0', 'y'), width: number(a.width, 'width'), height: number(a.height, 'height') });

function color(value: string): string {
  if (!COLOR.test(value)) throw new Unsupported(`fill="${value}"`);
  return value;
}

function applyTransform(ctx: SKRSContext2D, transform: string | undefined) {
  if (!transform) return;
  const m = TRANSFORM.exec(transform.trim());
  if (!m) throw new Unsupported(`transform="${transform}"`);
  const [, tx, ty, sx, sy] = m;
  if (tx !== undefined) ctx.translate(Number(tx), Number(ty));
  if (sx !== undefined) ctx.scale(Number(sx), Number(sy ?? sx));
}

/**
 * Canvases by size, reused: making one costs more than drawing a card. Opaque
 * (`alpha: false`), as cards are: reading an opaque canvas's pixels needs no
 * unpremultiplying, and a card's own background, painted first (see draw), is all
 * the clearing it needs. Together 0.2–0.4 ms a card, for the same pixels on the
 * 300 cards of bench/cards.ts's corpus.
 */
const canvases = new Map<string, SKRSContext2D>();
function contextFor(width: number, height: number): SKRSContext2D {
  const key = `${width}x${height}`;
  let ctx = canvases.get(key);
  if (!ctx) canvases.set(key, (ctx = createCanvas(width, height).getContext('2d', { alpha: false })));
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return ctx;
}

const OPAQUE = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** Whether the element paints every pixel of the canvas, opaquely, leaving nothing of the card before it. */
const paintsWholeCanvas = (name: string, a: Record<string, string>, fill: string, depth: number, width: number, height: number) =>
  name === 'rect' && depth === 1 && !a.transform && !a.mask && !a['clip-path'] && OPAQUE.test(fill) && (a.x ?? '0') === '0' && (a.y ?? '0') === '0' && a.width === String(width) && a.height === String(height);

/** Decoded images by source and drawn size: every card of a build draws the same logo. */
const images = new Map<string, Image>();
function imageFor(href: string, width: number, height: number): Image {
  const key = `${width}x${height}:${href}`;
  let image = images.get(key);
  if (!image) {
    const data = /^data:image\/(svg\+xml|png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(href);
    if (!data) throw new Unsupported('image source');
    // An SVG is drawn at the size it is shown, not scaled up from its own.
    image = data[1] === 'svg+xml' ? new Image(width, height) : new Image();
    image.src = Buffer.from(data[2]!, 'base64');
    if (!image.complete || image.naturalWidth === 0) throw new Unsupported('image that does not decode');
    if (images.size > 16) images.clear();
    images.set(key, image);
  }
  return image;
}

/** A mask or clip path satori writes: one rect, a white one for a mask, so either is a clip to that rect. */
function readClipRect(parts: Generator<Element>, kind: 'mask' | 'clipPath'): Box {
  const rect = parts.next().value as Element | undefined;
  const end = parts.next().value as Element | undefined;
  if (!rect || rect.name !== 'rect' || !rect.selfClosing || !end || end.name !== kind || !end.closing) throw new Unsupported(`${kind} that is not one rect`);
  if (kind === 'mask' && !/^(#fff|#ffffff|white)$/i.test(rect.attributes.fill ?? '')) throw new Unsupported('mask that is not white');
  return boxOf(rect.attributes);
}

function clipTo(ctx: SKRSContext2D, attributes: Record<string, string>, clips: Map<string, Box>) {
  for (const reference of [attributes.mask, attributes['clip-path']]) {
    if (!reference) continue;
    const id = URL_REF.exec(reference)?.[1];
    const box = id ? clips.get(id) : undefined;
    if (!box) throw new Unsupported(`reference ${reference}`);
    ctx.beginPath();
    ctx.rect(box.x, box.y, box.width, box.height);
    ctx.clip();
  }
}

function draw(svg: string): RawPixels {
  drawings++;
  const parts = joinWords(elements(svg));
  const root = parts.next().value as Element | undefined;
  if (!root || root.name !== 'svg' || root.closing) throw new Unsupported('no <svg> root');
  const width = number(root.attributes.width, 'width');
  const height = number(root.attributes.height, 'height');
  if (root.attributes.viewBox && root.attributes.viewBox !== `0 0 ${width} ${height}`) throw new Unsupported('viewBox');
  const ctx = contextFor(width, height);
  const clips = new Map<string, Box>();
  const fills: string[] = ['#000'];
  let closed = false;
  let backgroundPainted = false;
  for (const element of parts) {
    const { name, attributes: a } = element;
    if (closed) throw new Unsupported('content after </svg>');
    if (element.closing) {
      if (name === 'svg') closed = true;
      else if (name === 'g') {
        ctx.restore();
        fills.pop();
      } else throw new Unsupported(`</${name}>`);
      continue;
    }
    if (name === 'mask' || name === 'clipPath') {
      if (element.selfClosing) continue;
      clips.set(a.id ?? '', readClipRect(parts, name));
      continue;
    }
    if (name === 'g') {
      if (element.selfClosing) continue;
      ctx.save();
      applyTransform(ctx, a.transform);
      fills.push(a.fill ? color(a.fill) : fills.at(-1)!);
      continue;
    }
    if (!element.selfClosing) throw new Unsupported(`<${name}> with content`);
    const fill = a.fill ? color(a.fill) : fills.at(-1)!;
    ctx.save();
    applyTransform(ctx, a.transform);
    clipTo(ctx, a, clips);
    if (!backgroundPainted) {
      // Satori paints the card's background first. Anything else would draw over the last card's pixels.
      if (!paintsWholeCanvas(name, a, fill, fills.length, width, height)) throw new Unsupported('a card that does not first paint its whole background, opaque');
      backgroundPainted = true;
    }
    ctx.fillStyle = fill;
    if (name === 'rect') {
      const box = boxOf(a);
      if (fill !== 'none') ctx.fillRect(box.x, box.y, box.width, box.height);
    } else if (name === 'path') {
      if (fill !== 'none' && a.d) ctx.fill(new Path2D(a.d));
    } else if (name === 'text') {
      if (fill !== 'none' && element.content) drawText(ctx, a, element.content);
    } else if (name === 'image') {
      if ((a.preserveAspectRatio ?? 'none') !== 'none') throw new Unsupported('preserveAspectRatio');
      const box = boxOf(a);
      ctx.drawImage(imageFor(a.href ?? '', box.width, box.height), box.x, box.y, box.width, box.height);
    } else throw new Unsupported(`<${name}>`);
    ctx.restore();
  }
  if (!closed || fills.length !== 1) throw new Unsupported('unbalanced groups');
  if (!backgroundPainted) throw new Unsupported('a card that does not first paint its whole background, opaque');
  return canvasPixels(ctx, width, height);
}

/** Drawings so far: the canvas is reused, so pixels can be read only until the next drawing starts. */
let drawings = 0;

/** The canvas's pixels, read when asked for: a band of rows at a time costs the PNG encoder less than all at once (png.ts). */
function canvasPixels(ctx: SKRSContext2D, width: number, height: number): RawPixels {
  const drawing = drawings;
  const read = (y: number, count: number) => {
    if (drawing !== drawings) throw new Error('drawSvg: pixels read after the next drawing began on the same canvas');
    return ctx.getImageData(0, y, width, count).data;
  };
  return { width, height, rows: read, release: freeNow, get data() { return read(0, height); } };
}

/**
 * Frees a band of pixels at once, not when the garbage collector gets to it. V8
 * counts the 3 MB a card reads off the canvas as outside memory, and collected
 * the young generation for its sake every five or six cards, each time copying
 * what satori's objects had left alive (bench/RESULTS.md). Detaching the buffer
 * (`transfer(0)`) hands its memory back now; Node 20 has no `transfer`, and
 * leaves the band to the collector.
 */
function freeNow(band: Uint8Array | Uint8ClampedArray): void {
  const buffer = band.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
  buffer.transfer?.(0);
}

/** The SVG's pixels, or undefined when it uses SVG this drawer does not draw (with the reason, for tests). */
export function drawSvg(svg: string, onUnsupported?: (reason: string) => void): RawPixels | undefined {
  try {
    return draw(svg);
  } catch (error) {
    // A drawing given up half-way leaves saved states and clips behind: start the next one on a new canvas.
    canvases.clear();
    if (!(error instanceof Unsupported)) throw error;
    onUnsupported?.(error.message);
    return undefined;
  }
}
