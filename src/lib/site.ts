import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { cachingAnalyzer } from './content/analysis-cache.ts';
import { inlineBodyAnalyzer, loadContent, type BodyAnalyzer } from './content/load.ts';
import { ContentError, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import type { SiteModel } from './model.ts';
import { resolveSite } from './resolve.ts';

export interface CheckOptions {
  /** Project root; paths in diagnostics are relative to it. */
  root?: string;
  /** Folder holding `actors/` and `briefings/`; `CONTENT_DIR` or `<root>/content` by default. */
  contentDir?: string;
  includeDrafts?: boolean;
  /** YYYY-MM-DD; today's UTC date by default. */
  today?: string;
  /**
   * Let briefing bodies contain MDX `import`/`export` statements and `{…}`
   * JavaScript expressions. Off unless `BRIEFINGS_ALLOW_MDX_CODE=1`: MDX compiles
   * a body to JavaScript that runs during `astro build` with the build's rights,
   * so a briefing could read files, environment variables or secrets on the build
   * machine and publish them. Briefings need none of it: Actor, Position and Cite
   * are available without an import. The build reads the same variable, so
   * `npm run check` and `npm run build` always agree.
   */
  allowMdxCode?: boolean;
  /** How briefing bodies are analyzed; `npm run check` spreads a large corpus over worker threads. */
  bodyAnalyzer?: BodyAnalyzer;
  /** Keep body analyses in this file between runs (the build does; see content/analysis-cache.ts). */
  analysisCacheFile?: string;
}

/** `allowMdxCode` as set by the environment: `BRIEFINGS_ALLOW_MDX_CODE=1` (or `true`). */
export function allowMdxCodeFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true'].includes((env.BRIEFINGS_ALLOW_MDX_CODE ?? '').trim().toLowerCase());
}

export interface CheckResult {
  model: SiteModel;
  diagnostics: Diagnostic[];
  errorCount: number;
  /** Milliseconds spent loading and resolving, for the benchmark. */
  timings: { load: number; resolve: number };
}

export function contentDirFor(root: string, override?: string): string {
  return path.resolve(root, override ?? process.env.CONTENT_DIR ?? 'content');
}

/** Load → validate → resolve: the whole content pipeline, with every problem collected. */
export function checkContent(options: CheckOptions = {}): CheckResult {
  const root = path.resolve(options.root ?? process.cwd());
  const contentDir = contentDirFor(root, options.contentDir);
  const started = performance.now();
  const inner = options.bodyAnalyzer ?? inlineBodyAnalyzer();
  const caching = options.analysisCacheFile ? cachingAnalyzer(inner, options.analysisCacheFile) : undefined;
  const loaded = loadContent(contentDir, root, { allowMdxCode: options.allowMdxCode ?? allowMdxCodeFromEnv(), bodyAnalyzer: caching ?? inner });
  caching?.save();
  const loadedAt = performance.now();
  const { model, diagnostics } = resolveSite(loaded, {
    includeDrafts: options.includeDrafts ?? false,
    today: options.today ?? process.env.BRIEFINGS_TODAY ?? new Date().toISOString().slice(0, 10),
  });
  const all = sortDiagnostics([...loaded.diagnostics, ...diagnostics]);
  return {
    model,
    diagnostics: all,
    errorCount: all.filter((d) => d.severity === 'error').length,
    timings: { load: loadedAt - started, resolve: performance.now() - loadedAt },
  };
}

/** The resolved site or a ContentError listing every problem. */
export function loadSiteOrThrow(options: CheckOptions = {}): SiteModel {
  const result = checkContent(options);
  if (result.errorCount > 0) throw new ContentError(result.diagnostics);
  return result.model;
}

/**
 * A cheap fingerprint of the content folder (names, sizes, modification times),
 * so the dev server reloads the model after any edit, rename or deletion and
 * a build computes it exactly once.
 */
function contentSignature(contentDir: string): string {
  const parts: string[] = [];
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
      parts.push(`${sub}/${name}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  return parts.join('|');
}

let cached: { signature: string; model: SiteModel } | undefined;

/**
 * Astro renders pages from a bundled copy of this module, in the same process
 * as the integrations. The build's content check (integrations/briefing-content)
 * hands its model over through this process-wide slot, so a build loads and
 * resolves the content once: the pages and the card stage (integrations/share-cards)
 * both read it through `getSite`.
 */
const BUILD_MODEL = Symbol.for('briefing-desk.build-model');
type WithBuildModel = typeof globalThis & { [BUILD_MODEL]?: SiteModel };

export function shareBuildModel(model: SiteModel | undefined): void {
  (globalThis as WithBuildModel)[BUILD_MODEL] = model;
}

/**
 * What every page calls. In a build the content cannot change, so the model is
 * computed once; in dev it is recomputed when the content folder changes.
 */
export function getSite(options: { dev: boolean }): SiteModel {
  const root = process.cwd();
  const contentDir = contentDirFor(root);
  if (!options.dev && cached) return cached.model;
  const shared = options.dev ? undefined : (globalThis as WithBuildModel)[BUILD_MODEL];
  if (shared) return (cached = { signature: 'build', model: shared }).model;
  const signature = options.dev ? contentSignature(contentDir) : 'build';
  if (cached?.signature === signature) return cached.model;
  const model = loadSiteOrThrow({ root, contentDir, includeDrafts: options.dev });
  cached = { signature, model };
  return model;
}
