/**
 * Compiled bodies, kept by a hash of their source so each is compiled once:
 * once per build, and across builds through a cache file next to Astro's own
 * cache. A rebuild after one edit compiles one body.
 *
 * The store lives on `globalThis` for the reason the build handoff does
 * (pipeline/build-handoff.ts): Astro renders pages from a bundled copy of this
 * module. It is a cache keyed by content, not a build-time value: a page that
 * finds nothing in it compiles the body itself, so it stays apart from the handoff.
 */
import { createHash } from 'node:crypto';
import { BODY_PIPELINE_VERSION, compileBody, type BodyNode } from './compile-body.ts';

export interface BodySource {
  source: string;
  format: 'md' | 'mdx';
  /** `<slug>.mdx`, `<id>.md`: citations are numbered per briefing by it. */
  fileName: string;
}

const STORE = Symbol.for('briefing-desk.compiled-bodies');
const PENDING = Symbol.for('briefing-desk.compiled-bodies.pending');
type WithStore = typeof globalThis & { [STORE]?: Map<string, BodyNode[]>; [PENDING]?: Promise<unknown> };
function store(): Map<string, BodyNode[]> {
  return ((globalThis as WithStore)[STORE] ??= new Map());
}

export function bodyKey({ source, format, fileName }: BodySource): string {
  return createHash('sha256').update(`${BODY_PIPELINE_VERSION}\0${format}\0${fileName}\0${source}`).digest('base64url');
}

/** The store, for the build's precompile step (precompile.ts). */
export function compiledBodyStore(): Map<string, BodyNode[]> {
  return store();
}

/** Makes `compiledBody` wait for `work` (the build's precompile step) before looking a body up. */
export function compiledBodiesPending(work: Promise<unknown>): void {
  (globalThis as WithStore)[PENDING] = work;
  // Awaited by the pages and the integration; this keeps an early failure from being "unhandled".
  work.catch(() => {});
}

/** The compiled body: from the store, else compiled now (dev, or a body the build did not precompile). */
export async function compiledBody(body: BodySource): Promise<BodyNode[]> {
  // The build compiles on worker threads while Astro bundles; its errors surface here, in the page.
  await (globalThis as WithStore)[PENDING];
  const key = bodyKey(body);
  const hit = store().get(key);
  if (hit) return hit;
  const nodes = await compileBody(body.source, body.format, body.fileName);
  store().set(key, nodes);
  return nodes;
}

