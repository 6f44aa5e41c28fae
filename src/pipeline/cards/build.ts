/**
 * The card stage of a build: plan every card, reuse the ones the cache holds
 * (verified, store.ts), render the rest across all cores, and report what was done.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { identityOf, type Identity } from '../../util/file-identity.ts';
import { linkOrCopy } from '../../util/link-or-copy.ts';
import type { SiteModel } from '../model.ts';
import { cardKey } from './cache.ts';
import { planCards, type CardJob, type CardSite } from './plan.ts';
import { renderInPool } from './pool.ts';
import { openCardStore, pruneCardStore, recordVerified, touchEntry } from './store.ts';

export interface CardBuildStats {
  cards: number;
  rendered: number;
  fromCache: number;
  /** Of the rendered, cards whose cache entry was there but damaged (empty, cut short, altered). */
  repaired: number;
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

export interface KeyedCard {
  job: CardJob;
  key: string;
}

export const keyCards = (jobs: CardJob[]): KeyedCard[] => jobs.map((job) => ({ job, key: cardKey(job.content) }));

export interface EnsuredCards {
  /** The verified or new cache entry of every key asked for. */
  files: Map<string, string>;
  rendered: number;
  repaired: number;
  renderMs: number;
}

/**
 * Makes the cache hold a sound entry for every card: reuses those that pass the
 * check and renders the others. Cards with identical inputs share one entry and
 * are rendered once.
 */
export async function ensureCards(cards: KeyedCard[], cacheDir: string, threads?: number): Promise<EnsuredCards> {
  const store = openCardStore(cacheDir);
  const files = new Map<string, string>();
  const missing = new Map<string, KeyedCard>();
  let repaired = 0;
  for (const card of cards) {
    if (files.has(card.key) || missing.has(card.key)) continue;
    const found = store.lookup(card.key);
    if (found.file !== undefined) {
      files.set(card.key, found.file);
    } else {
      missing.set(card.key, card);
      if (found.damaged) repaired++;
    }
  }
  const started = performance.now();
  const todo = [...missing.values()];
  const written = await renderInPool(todo.map(({ job, key }) => ({ content: job.content, key, cacheDir })), threads);
  todo.forEach(({ key }, i) => files.set(key, written[i]!));
  return { files, rendered: todo.length, repaired, renderMs: performance.now() - started };
}

/** Every card of the site, rendered into the cache where it is not there yet. */
export interface RenderedCards extends Omit<EnsuredCards, 'files'> {
  keyed: { job: CardJob; file: string }[];
  started: number;
}

/**
 * Plans every card and renders the missing ones into the cache. Needs only the
 * checked content, so a build starts it before the pages and renders while
 * Astro bundles and renders pages (which keep one core busy at most).
 */
export async function renderCards(options: CardOptions): Promise<RenderedCards> {
  const started = performance.now();
  const cards = keyCards(planCards(options.model, options.site));
  const { files, ...counts } = await ensureCards(cards, options.cacheDir, options.threads);
  return { keyed: cards.map(({ job, key }) => ({ job, file: files.get(key)! })), ...counts, started };
}

/** Puts every card into the output folder (emptied at the start of a build: integrations/cached-pages.ts) and prunes the cache. */
export function publishCards(cards: RenderedCards, outDir: string, cacheDir: string): CardBuildStats {
  let maxBytes = 0;
  const now = new Date();
  const made = new Set<string>();
  const identities = new Map<string, Identity>();
  for (const { job, file } of cards.keyed) {
    const target = path.join(outDir, job.sitePath);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    linkOrCopy(file, target);
    touchEntry(file, now);
    const id = identityOf(file);
    if (!id) throw new Error(`share card cache entry vanished while it was published: ${file}`);
    identities.set(file, id);
    maxBytes = Math.max(maxBytes, id[1]);
  }
  pruneCardStore(cacheDir, now.getTime() - MONTH_MS);
  recordVerified(cacheDir, identities);
  const cardCount = cards.keyed.length;
  return {
    cards: cardCount, rendered: cards.rendered, fromCache: cardCount - cards.rendered, repaired: cards.repaired,
    ms: performance.now() - cards.started, renderMs: cards.renderMs, maxBytes,
  };
}

/** Both steps at once: what a caller without a build around it wants. */
export async function buildCards(options: CardOptions & { outDir: string }): Promise<CardBuildStats> {
  return publishCards(await renderCards(options), options.outDir, options.cacheDir);
}

/** What a build says about its cards, e.g. "15 share cards: 3 rendered (repaired 2 damaged in the cache), 12 from cache, 1.2 s (40.0 ms a card)". */
export function describeCardStats(stats: CardBuildStats): string {
  const repaired = stats.repaired ? ` (repaired ${stats.repaired} damaged in the cache)` : '';
  return (
    `${stats.cards} share cards: ${stats.rendered} rendered${repaired}, ${stats.fromCache} from cache, ${(stats.ms / 1000).toFixed(1)} s` +
    (stats.rendered ? ` (${(stats.renderMs / stats.rendered).toFixed(1)} ms a card)` : '')
  );
}
