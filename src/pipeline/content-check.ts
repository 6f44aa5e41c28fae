/**
 * Load → validate → resolve → check links: the content stages as one call, used alike by
 * `npm run build`, `npm run dev` and `npm run check`, so they never disagree.
 */
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { allowMdxCodeFromEnv, contentDirFor, nowFromEnv, requireArchivedFromEnv, type PublicationSettings } from '../config/settings.ts';
import { ContentError, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { checkLedger } from './links/check-ledger.ts';
import { cachingAnalyzer } from './load/analysis-cache.ts';
import { openFrontmatterCache } from './load/frontmatter-cache.ts';
import { createBodyPool, type BodyPool } from './load/analysis-pool.ts';
import { analyzeBody } from './load/analyze-body.ts';
import { inlineBodyAnalyzer, loadContent, loadMemo, type BodyAnalyzer, type BodyJob, type LoadOptions } from './load/load-content.ts';
import type { SiteModel } from './model.ts';
import { loadSiteSettings } from './load/site-settings.ts';
import { resolveSite } from './resolve/resolve-site.ts';
import type { Schedule } from './resolve/schedule.ts';

export interface CheckOptions {
  /** Project root; paths in diagnostics are relative to it. */
  root?: string;
  /** Folder holding `actors/` and `briefings/`; `CONTENT_DIR` or `<root>/content` by default. */
  contentDir?: string;
  includeDrafts?: boolean;
  /** YYYY-MM-DD; the UTC date of `now` by default. */
  today?: string;
  /** The moment to build for (the publishing schedule); `BRIEFINGS_NOW`, else the clock. */
  now?: Date;
  /** Let bodies contain MDX code; see `allowMdxCodeFromEnv` in config/settings.ts for why it is off. */
  allowMdxCode?: boolean;
  /** How briefing bodies are analyzed; `npm run check` spreads a large corpus over worker threads. */
  bodyAnalyzer?: BodyAnalyzer;
  /** Keep body analyses in this file between runs (the build and the dev server do; see load/analysis-cache.ts). */
  analysisCacheFile?: string;
  /** Keep parsed frontmatter in this file between runs (the build and the dev server do; see load/frontmatter-cache.ts). */
  frontmatterCacheFile?: string;
  /** What an earlier check loaded from each file, reused where the text is unchanged (the dev server's reloads; load/file-memo.ts). */
  memo?: LoadOptions['memo'];
  /**
   * Hold the content to the ledger of published URLs (links/check-ledger.ts). On by
   * default for what gets published; off with drafts (the dev server), whose URLs
   * never enter the ledger.
   */
  checkLinks?: boolean;
  /** Warn about sources without an archived copy; `REQUIRE_ARCHIVED_SOURCES=1` by default. */
  requireArchived?: boolean;
}

export interface CheckResult {
  model: SiteModel;
  diagnostics: Diagnostic[];
  errorCount: number;
  /** Milliseconds spent loading and resolving, for the benchmark. */
  timings: { load: number; resolve: number };
  /** The ledger's URLs as read, which a build keeps when it adds the URLs it published. */
  ledger: string[];
  /** From content/site.yaml (the defaults where it is missing or wrong). */
  publication: PublicationSettings;
  /** Briefings held back until they are due, and the next one's moment. */
  schedule: Schedule;
}

/** The whole content pipeline, with every problem collected. */
export function checkContent(options: CheckOptions = {}): CheckResult {
  const root = path.resolve(options.root ?? process.cwd());
  const contentDir = contentDirFor(root, options.contentDir);
  const started = performance.now();
  const inner = options.bodyAnalyzer ?? inlineBodyAnalyzer();
  const caching = options.analysisCacheFile ? cachingAnalyzer(inner, options.analysisCacheFile) : undefined;
  const frontmatterCache = options.frontmatterCacheFile ? openFrontmatterCache(options.frontmatterCacheFile) : undefined;
  const loaded = loadContent(contentDir, root, { allowMdxCode: options.allowMdxCode ?? allowMdxCodeFromEnv(), bodyAnalyzer: caching ?? inner, memo: options.memo, frontmatterCache });
  caching?.save();
  frontmatterCache?.save();
  const site = loadSiteSettings(contentDir, root);
  const loadedAt = performance.now();
  const now = options.now ?? (options.today ? new Date(`${options.today}T00:00:00Z`) : nowFromEnv());
  const { model, diagnostics, schedule } = resolveSite(loaded, {
    includeDrafts: options.includeDrafts ?? false,
    today: options.today ?? now.toISOString().slice(0, 10),
    now,
    requireArchived: options.requireArchived ?? requireArchivedFromEnv(),
  });
  const contentErrors = [...loaded.diagnostics, ...site.diagnostics, ...diagnostics].some((d) => d.severity === 'error');
  // Links are checked only on sound content: a briefing that failed to load is not a lost URL.
  const links = (options.checkLinks ?? !options.includeDrafts) && !contentErrors ? checkLedger(model, contentDir, root) : undefined;
  if (links) model.links = links.links;
  const all = sortDiagnostics([...loaded.diagnostics, ...site.diagnostics, ...diagnostics, ...(links?.diagnostics ?? [])]);
  return {
    model,
    diagnostics: all,
    errorCount: all.filter((d) => d.severity === 'error').length,
    timings: { load: loadedAt - started, resolve: performance.now() - loadedAt },
    ledger: links?.known ?? [],
    publication: site.publication,
    schedule,
  };
}

/**
 * A cheap fingerprint of the content folder (names, sizes, times, inodes), so the dev
 * server reloads the model after any edit, rename or deletion. `recent` is true when a
 * file was modified so lately that a further edit could leave the fingerprint as it is
 * (coarse filesystem clocks, as in load/file-memo.ts): the next request then checks again.
 */
function contentSignature(contentDir: string): { signature: string; recent: boolean } {
  const parts: string[] = [];
  const now = Date.now();
  let recent = false;
  for (const sub of ['actors', 'briefings']) {
    const dir = path.join(contentDir, sub);
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const stat = statSync(path.join(dir, name));
      if (stat.mtimeMs > now - 2000) recent = true;
      parts.push(`${sub}/${name}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`);
    }
  }
  return { signature: parts.join('|'), recent };
}

/**
 * The dev server's content, drafts included: checked once at startup, then reloaded on the
 * request after any change of the content folder. Every check shares one memo of what each
 * file gave (load/file-memo.ts), so a reload after one edit parses and analyses that file
 * and resolves the whole site again (cheap and linear), instead of parsing every file; and
 * the startup check keeps body analyses in `analysisCacheFile`, so a restart analyses only
 * the bodies edited since.
 */
export function devContent(root: string, options: Pick<CheckOptions, 'analysisCacheFile' | 'frontmatterCacheFile'> = {}) {
  const contentDir = contentDirFor(root);
  const memo = loadMemo();
  let current: { signature: string; recent: boolean; result: CheckResult } | undefined;
  const check = (caches: Pick<CheckOptions, 'analysisCacheFile' | 'frontmatterCacheFile'> = {}, bodyAnalyzer?: BodyAnalyzer) => {
    // Taken before the files are read: an edit during the check shows in the next signature.
    const signature = contentSignature(contentDir);
    current = { ...signature, result: checkContent({ root, contentDir, includeDrafts: true, memo, ...caches, bodyAnalyzer }) };
    return current.result;
  };
  return {
    /**
     * The startup check, whose diagnostics the dev server prints. Bodies the cache does not
     * have go to worker threads, as in `npm run check`, started only when there are enough.
     */
    start() {
      return withBodyPool((pool) => check(options, pool));
    },
    /** The model as the content is now, or a ContentError listing every problem. */
    model(): SiteModel {
      const signature = current && !current.recent ? contentSignature(contentDir) : undefined;
      const result = current && signature?.signature === current.signature ? current.result : check();
      if (result.errorCount > 0) throw new ContentError(result.diagnostics);
      return result.model;
    },
  };
}

/**
 * The build's check: as checkContent, with the bodies the cache does not have analysed
 * on worker threads while this thread reads the frontmatter. A first build at N=1000
 * spends 1.7 s analysing bodies, with the other core idle until the check is done.
 */
export function checkContentOnWorkers(options: CheckOptions = {}): CheckResult {
  return withBodyPool((pool) => checkContent({ ...options, bodyAnalyzer: pool }));
}

function withBodyPool<T>(run: (pool: BodyAnalyzer) => T): T {
  const pool = lazyBodyPool();
  try {
    return run(pool);
  } finally {
    pool.close();
  }
}

/** Fewer bodies than this to analyse are done inline: starting worker threads would cost more. */
const POOL_AFTER = 40;

/**
 * The analysis pool (load/analysis-pool.ts), started only once there are enough bodies to
 * analyse (a restart with a warm cache has few or none); jobs before that wait and go first.
 */
function lazyBodyPool(): BodyAnalyzer & { close(): void } {
  let pool: BodyPool | undefined;
  const waiting: BodyJob[] = [];
  return {
    submit(job) {
      if (pool) return pool.submit(job);
      waiting.push(job);
      if (waiting.length < POOL_AFTER) return;
      pool = createBodyPool({ threads: Math.max(1, Math.min(3, availableParallelism() - 1)) });
      for (const early of waiting.splice(0)) pool.submit(early);
    },
    collect: () => (pool ? pool.collect() : waiting.map((job) => analyzeBody(job.body, job.format, job.lineOffset, job.options))),
    close: () => pool?.close(),
  };
}
