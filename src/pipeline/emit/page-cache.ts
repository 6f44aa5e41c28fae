/**
 * Astro's cache of rendered pages (`experimental.incrementalBuild`), restored
 * fast and never trusted unchecked.
 *
 * Astro keeps each keyed page in `<cacheDir>/dist/` and, when its key and code
 * are unchanged, copies it into the output with an awaited copy, page after
 * page: 41 s of an 82 s rebuild at 10,000 briefings (bench/RESULTS.md). It skips
 * the copy when the page is already in the output. So before the pages are
 * generated, every page of the last build's manifest whose cached copy passes
 * the check below is hard-linked into the emptied output (no bytes copied);
 * Astro finds it there and moves on, or renders it anew and writes over it.
 *
 * The check. Astro writes its copies in place and never checks them again: a
 * build killed while writing, or a CI cache restored half-way, leaves a page
 * cut short that Astro would publish the next time its key matches. Every build
 * records each cached page's identity and sha256 (`verified-pages.json`). A page
 * that is still exactly the recorded file is linked; one that changed is hashed,
 * linked if its bytes are the recorded ones, and otherwise deleted from the
 * cache, so that Astro renders it instead of restoring it. A page with no record
 * (a cache from before this check) is deleted the same way.
 *
 * A linked page that the build neither kept nor wrote (its route is gone) is
 * removed when the pages are done (`removeUnbuiltPages`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { foundIfUnchanged, identityOf, readChecked, sameIdentity, writeChecked, type Checked, type Identity } from '../../util/file-identity.ts';
import { linkOrCopy } from '../../util/link-or-copy.ts';
import { sha256 } from '../../util/sha256.ts';
import { runInWorkers } from '../../util/worker-pool.ts';

/** Astro's names (astro/dist/core/build/incremental.js). */
const MANIFEST = 'incremental-build.json';
const CACHED_OUTPUT = 'dist/';
const RECORD = 'verified-pages.json';

/** The output files (relative to the output folder, URL-encoded as Astro writes them) of a manifest's pages. */
export function manifestOutputs(cacheDir: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(path.join(cacheDir, MANIFEST), 'utf8')) as {
      routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }>;
    };
    return Object.values(manifest.routes ?? {}).flatMap((route) =>
      Object.values(route.paths ?? {}).flatMap(({ outputFile }) => (typeof outputFile === 'string' ? [outputFile] : [])),
    );
  } catch {
    return [];
  }
}

/** Where an output file of the manifest lives under `dir` (Astro resolves it as a URL, so %-escapes are decoded). */
const fileUnder = (dir: string, outputFile: string) => fileURLToPath(new URL(outputFile, pathToFileURL(`${dir}${path.sep}`)));
const cachedFile = (cacheDir: string, outputFile: string) => fileUnder(path.join(cacheDir, CACHED_OUTPUT), outputFile);

const recordFile = (cacheDir: string) => path.join(cacheDir, RECORD);

/**
 * Deletes every file in the output folder but those of a top-level `.git` (as
 * Astro's own emptying, which the config turns off, spares it), and returns the
 * folders it emptied. The folders are kept: on ext4 with `discard`, as here,
 * making and removing a folder costs 130–600 µs, and a page is a folder of its
 * own; `removeEmptyFolders` clears those the build left empty.
 */
export function emptyOutput(outDir: string): string[] {
  const emptied: string[] = [];
  const empty = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (dir === outDir && entry.name === '.git') continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) empty(file);
      else unlinkSync(file);
    }
    if (dir !== outDir) emptied.push(dir);
  };
  if (existsSync(outDir)) empty(outDir);
  return emptied;
}

/** Removes those of `folders` (as `emptyOutput` lists them, deepest first) that are still empty. */
export function removeEmptyFolders(folders: readonly string[]): void {
  for (const dir of folders) {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }
}

export interface LinkedPages {
  /** Each linked page's output file and its identity as linked. */
  linked: Map<string, Identity>;
  /** Cached pages that failed the check and were deleted from the cache. */
  discarded: number;
}

/** What preparing the output did, as it crosses from the worker thread (page-cache-worker.ts). */
export interface PreparedOutput {
  emptied: string[];
  linked: [string, Identity][];
  discarded: number;
}

/**
 * Empties the output and links the cached pages into it on a thread of its own:
 * about 7 s of file-system calls at 67,000 pages, which then overlap the content
 * check on the main thread.
 */
export async function prepareOutput(cacheDir: string, outDir: string): Promise<PreparedOutput> {
  const [prepared] = await runInWorkers<{ cacheDir: string; outDir: string }, PreparedOutput>(new URL('./page-cache-worker.ts', import.meta.url), [{ cacheDir, outDir }], {
    describe: () => `Preparing ${outDir}`,
  });
  return prepared!;
}

/** Links every verified page of the last build's manifest into `outDir`; see the top of this file. */
export function linkCachedPages(cacheDir: string, outDir: string): LinkedPages {
  const record = readChecked(recordFile(cacheDir));
  const linked = new Map<string, Identity>();
  const made = new Set<string>();
  let discarded = 0;
  for (const outputFile of manifestOutputs(cacheDir)) {
    const cached = cachedFile(cacheDir, outputFile);
    const id = identityOf(cached);
    if (!id) continue;
    const recorded = record.get(outputFile);
    const sound = recorded !== undefined && (foundIfUnchanged(id, recorded) !== undefined || sha256(readFileSync(cached)) === recorded[3]);
    if (!sound) {
      rmSync(cached, { force: true });
      discarded++;
      continue;
    }
    const target = fileUnder(outDir, outputFile);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    linkOrCopy(cached, target);
    linked.set(outputFile, identityOf(target)!);
  }
  return { linked, discarded };
}

/**
 * Removes the linked pages this build did not produce: not among `built` (the
 * output files of the manifest Astro just wrote), and not written since they were
 * linked (a page rendered without a key is written over its link, and stays).
 * Returns how many were removed.
 */
export function removeUnbuiltPages(outDir: string, linked: ReadonlyMap<string, Identity>, built: ReadonlySet<string>): number {
  let removed = 0;
  for (const [outputFile, id] of linked) {
    if (built.has(outputFile)) continue;
    const target = fileUnder(outDir, outputFile);
    if (!sameIdentity(identityOf(target), id)) continue;
    rmSync(target, { force: true });
    removed++;
  }
  return removed;
}

/**
 * Records every cached page of `built` (the output files of the manifest Astro
 * just wrote), for the next build's check. A page whose identity is unchanged
 * keeps its recorded hash; the others (rendered by this build) are hashed.
 */
export function recordCachedPages(cacheDir: string, built: Iterable<string>): void {
  const previous = readChecked(recordFile(cacheDir));
  const next: [string, Checked][] = [];
  for (const outputFile of built) {
    const cached = cachedFile(cacheDir, outputFile);
    const id = identityOf(cached);
    if (id) next.push([outputFile, [...id, foundIfUnchanged(id, previous.get(outputFile)) ?? sha256(readFileSync(cached))]]);
  }
  writeChecked(recordFile(cacheDir), next);
}
