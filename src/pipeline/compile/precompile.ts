/**
 * The build's body step: fills the compiled-body store (compiled-bodies.ts) with
 * every body the pages will render, from the cache file of the last build when
 * the source is unchanged, compiled on worker threads otherwise. Imported by
 * the integration only, never by pages: they must not bundle worker scripts.
 */
import { readCacheFile, updateCacheFile } from '../../util/json-cache-file.ts';
import { packageVersions } from '../../util/package-versions.ts';
import { runInWorkers } from '../../util/worker-pool.ts';
import { bodyKey, compiledBodiesPending, compiledBodyStore, type BodySource } from './compiled-bodies.ts';
import { BODY_PIPELINE_VERSION, compileBody, type BodyNode } from './compile-body.ts';

/** Versions of everything that shapes the output; a cache file written by other versions is ignored. */
export const bodyCompilerVersions = () =>
  `pipeline@${BODY_PIPELINE_VERSION} ${packageVersions(['@astrojs/markdown-remark', 'remark-gfm', 'remark-mdx', 'retext', 'retext-smartypants', 'remark-rehype', 'rehype-raw', 'hast-util-to-html', 'shiki'])}`;

/**
 * Starts `precompileBodies` and lets `compiledBody` wait for it, so compiling
 * on worker threads overlaps with Astro bundling the pages.
 */
export function startPrecompile(bodies: BodySource[], cacheFile: string): Promise<PrecompileStats> {
  const running = precompileBodies(bodies, cacheFile);
  compiledBodiesPending(running);
  return running;
}

export interface PrecompileStats {
  compiled: number;
  reused: number;
}

/**
 * Fills the store with every body the build will render: reused from
 * `cacheFile` when the source is unchanged, compiled on worker threads
 * otherwise. Rewrites the cache file with exactly these bodies, so it never
 * grows with deleted or edited briefings.
 */
export async function precompileBodies(bodies: BodySource[], cacheFile: string, options: { threads?: number } = {}): Promise<PrecompileStats> {
  const versions = bodyCompilerVersions();
  const cached = readCacheFile<BodyNode[]>(cacheFile, versions);
  const keys = bodies.map(bodyKey);
  const missing: number[] = [];
  keys.forEach((key, i) => {
    const hit = compiledBodyStore().get(key) ?? cached.get(key);
    if (hit) compiledBodyStore().set(key, hit);
    else missing.push(i);
  });
  const tasks = missing.map((i) => bodies[i]!);
  // A few bodies compile faster here than worker threads start.
  const compiled =
    tasks.length < 40
      ? await Promise.all(tasks.map((b) => compileBody(b.source, b.format, b.fileName)))
      : await runInWorkers<BodySource, BodyNode[]>(new URL('./compile-worker.ts', import.meta.url), tasks, {
          threads: options.threads,
          describe: (i) => `Compiling ${tasks[i]!.fileName}`,
        });
  missing.forEach((i, n) => compiledBodyStore().set(keys[i]!, compiled[n]!));

  updateCacheFile(cacheFile, versions, cached, keys.map((key) => [key, compiledBodyStore().get(key)!] as const));
  return { compiled: missing.length, reused: bodies.length - missing.length };
}
