/**
 * The card stage of a build: plan every card, copy the ones already in the
 * cache, render the rest across all cores, and report what was done.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import type { SiteModel } from '../model.ts';
import { cacheFileFor, cardKey } from './cache.ts';
import { planCards, type CardJob, type CardSite } from './plan.ts';
import { renderInPool } from './pool.ts';

export interface CardBuildStats {
  cards: number;
  rendered: number;
  fromCache: number;
  /** Wall time of the whole stage, and of rendering alone. */
  ms: number;
  renderMs: number;
  /** Largest PNG written, in bytes. */
  maxBytes: number;
}

const MONTH_MS = 30 * 24 * 3600 * 1000;

interface CardOptions {
  model: SiteModel;
  site: CardSite;
  cacheDir: string;
  threads?: number;
}

/** Every card of the site, rendered into the cache where it is not there yet. */
export interface RenderedCards {
  keyed: { job: CardJob; file: string }[];
  rendered: number;
  renderMs: number;
  started: number;
}

/**
 * Plans every card and renders the missing ones into the cache. Needs only the
 * checked content, so a build starts it before the pages and renders while
 * Astro bundles and renders pages (which keep one core busy at most).
 */
export async function renderCards(options: CardOptions): Promise<RenderedCards> {
  const started = performance.now();
  const jobs = planCards(options.model, options.site);
  const keyed = jobs.map((job) => ({ job, file: cacheFileFor(options.cacheDir, cardKey(job.content)) }));
  // Two cards with identical inputs share one cache file; render it once.
  const missing = new Map<string, (typeof keyed)[number]>();
  for (const item of keyed) if (!existsSync(item.file) && !missing.has(item.file)) missing.set(item.file, item);

  const renderStarted = performance.now();
  await renderInPool([...missing.values()].map(({ job, file }) => ({ content: job.content, file })), options.threads);
  return { keyed, rendered: missing.size, renderMs: performance.now() - renderStarted, started };
}

/** Puts every card into the output folder (which Astro empties at the start of a build) and prunes the cache. */
export function publishCards(cards: RenderedCards, outDir: string, cacheDir: string): CardBuildStats {
  let maxBytes = 0;
  const now = new Date();
  const made = new Set<string>();
  for (const { job, file } of cards.keyed) {
    const target = path.join(outDir, job.sitePath);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    publishCard(file, target);
    utimesSync(file, now, now); // marks the entry as in use for pruning
    maxBytes = Math.max(maxBytes, statSync(file).size);
  }
  pruneCache(cacheDir, now.getTime() - MONTH_MS);
  const cardCount = cards.keyed.length;
  return { cards: cardCount, rendered: cards.rendered, fromCache: cardCount - cards.rendered, ms: performance.now() - cards.started, renderMs: cards.renderMs, maxBytes };
}

/** Both steps at once: what a caller without a build around it wants. */
export async function buildCards(options: CardOptions & { outDir: string }): Promise<CardBuildStats> {
  return publishCards(await renderCards(options), options.outDir, options.cacheDir);
}

/**
 * Puts a cached card into the output as a hard link: ten times faster than a copy
 * for thousands of cards. Safe because a cache file is never rewritten in place
 * (the worker writes a new file and renames it over). Copies when the output is on
 * another file system, or the file system has no hard links.
 */
function publishCard(cached: string, target: string): void {
  try {
    linkSync(cached, target);
  } catch (error) {
    // EEXIST: a file is already there (the copy overwrites it); the others: no link possible here.
    if (!['EEXIST', 'EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(cached, target);
  }
}

/** Drops cache entries no build has used for a month, so the cache does not grow forever. */
function pruneCache(cacheDir: string, olderThan: number): void {
  if (!existsSync(cacheDir)) return;
  for (const shard of readdirSync(cacheDir)) {
    const dir = path.join(cacheDir, shard);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).mtimeMs < olderThan) rmSync(file, { force: true });
    }
  }
}
