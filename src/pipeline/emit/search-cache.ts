/**
 * Built search bundles kept between builds, by a hash of what they index: the
 * path and bytes of every HTML file of the bundle, Pagefind's version and its
 * options. A rebuild re-indexes only the bundles whose pages changed and copies
 * the others from here.
 *
 * An entry is a folder `<dir>.<key>/` holding the bundle's files and
 * `manifest.json` (each file's sha256). It is written under a temporary name and
 * renamed into place whole, and every file is checked against the manifest before
 * the entry is used: a missing, cut or altered file, or a missing manifest, makes
 * the bundle be built again, never published.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { linkOrCopy } from '../../util/link-or-copy.ts';
import { sha256 } from '../../util/sha256.ts';
import { writeFileAtomic } from '../../util/write-atomic.ts';
import { isBundleDir, type PlannedBundle } from './search-bundles.ts';

const MANIFEST = 'manifest.json';

const SEARCH_MARK = 'data-pagefind-body';

/**
 * The HTML files of the output with a `data-pagefind-body` (the only ones Pagefind
 * indexes once any page has one), relative and `/`-separated, outside Astro's
 * assets and the bundles themselves, each with the sha256 of its bytes: every page
 * is read once, for the mark and for the hash its bundle's key is made of. Text that
 * merely mentions the attribute lets a page through that Pagefind then skips, so
 * nothing is lost by the test.
 */
export function searchablePages(outDir: string): Map<string, string> {
  const pages = new Map<string, string>();
  const walk = (prefix: string) => {
    for (const entry of readdirSync(path.join(outDir, prefix), { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (prefix || !(entry.name.startsWith('_') || isBundleDir(entry.name))) walk(relative);
      } else if (entry.name.endsWith('.html')) {
        const bytes = readFileSync(path.join(outDir, relative));
        if (bytes.includes(SEARCH_MARK)) pages.set(relative, sha256(bytes));
      }
    }
  };
  walk('');
  return pages;
}

/** `digests`: each page's sha256 (searchablePages); `salt`: what else decides the output (Pagefind's version, its options). */
export function bundleKey(bundle: PlannedBundle, digests: ReadonlyMap<string, string>, salt: string): string {
  const hash = createHash('sha256').update(`${salt}\0${bundle.dir}\0`);
  for (const file of bundle.files) {
    const digest = digests.get(file);
    if (!digest) throw new Error(`search bundle ${bundle.dir}: no digest for ${file}`);
    hash.update(`${file}\0${digest}\0`);
  }
  return hash.digest('hex').slice(0, 32);
}

/** Every file below `dir`, relative and `/`-separated. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesBelow(dir, relative) : [relative];
  });
}

/** Links (or copies) each of `files`, relative paths, from `fromDir` to the same place under `toDir`. */
export function linkFiles(files: Iterable<string>, fromDir: string, toDir: string): void {
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(toDir, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    linkOrCopy(path.join(fromDir, file), target);
  }
}

export interface SearchCache {
  /** Copies the bundle's verified entry into `target`; false when there is none (or it is damaged). */
  restore(bundle: string, key: string, target: string): boolean;
  /** Keeps the bundle just written to `built` as the entry for `key`. */
  store(bundle: string, key: string, built: string): void;
  /** Removes the entries this build did not use. */
  prune(): void;
}

export function openSearchCache(root: string): SearchCache {
  const used = new Set<string>();
  const entryDir = (bundle: string, key: string) => path.join(root, `${bundle}.${key}`);

  function verified(entry: string): Record<string, string> | undefined {
    try {
      const manifest = JSON.parse(readFileSync(path.join(entry, MANIFEST), 'utf8')) as { files?: Record<string, string> };
      if (!manifest.files || Object.keys(manifest.files).length === 0) return undefined;
      for (const [file, digest] of Object.entries(manifest.files)) if (sha256(readFileSync(path.join(entry, file))) !== digest) return undefined;
      return manifest.files;
    } catch {
      return undefined;
    }
  }

  return {
    restore(bundle, key, target) {
      const entry = entryDir(bundle, key);
      const files = existsSync(entry) ? verified(entry) : undefined;
      if (!files) return false;
      used.add(path.basename(entry));
      rmSync(target, { recursive: true, force: true });
      linkFiles(Object.keys(files), entry, target);
      return true;
    },
    store(bundle, key, built) {
      const entry = entryDir(bundle, key);
      used.add(path.basename(entry));
      const temporary = `${entry}.${process.pid}.tmp`;
      rmSync(temporary, { recursive: true, force: true });
      const files: Record<string, string> = {};
      // Linked, not copied (a bundle is thousands of small files): should the host change one
      // in the output, the entry no longer passes its check and the bundle is indexed again.
      const below = filesBelow(built);
      linkFiles(below, built, temporary);
      for (const file of below) files[file] = sha256(readFileSync(path.join(temporary, file)));
      writeFileAtomic(path.join(temporary, MANIFEST), JSON.stringify({ files }));
      rmSync(entry, { recursive: true, force: true });
      renameSync(temporary, entry);
    },
    prune() {
      if (!existsSync(root)) return;
      for (const name of readdirSync(root)) if (!used.has(name)) rmSync(path.join(root, name), { recursive: true, force: true });
    },
  };
}
