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
 * the bundle be built again, never published. A file still exactly as the last check
 * left it (same inode, size and time, recorded in the entry's `verified.json`) counts
 * as checked, so a rebuild hashes only what changed since.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { foundIfUnchanged, identityOf, readChecked, readIdentities, sameIdentity, writeChecked, writeIdentities, type Checked, type Identity } from '../../util/file-identity.ts';
import { linkOrCopy } from '../../util/link-or-copy.ts';
import { sha256 } from '../../util/sha256.ts';
import { writeFileAtomic } from '../../util/write-atomic.ts';
import type { PlannedBundle } from './search-bundles.ts';

const MANIFEST = 'manifest.json';
/** Each file's identity when it was last checked against the manifest (file-identity.ts). */
const VERIFIED = 'verified.json';

/**
 * The HTML file Astro wrote for each page it built (`pathname` as `astro:build:done`
 * gives it: `actors/x/` is `actors/x/index.html`, `404/` is `404.html`), `/`-separated:
 * the build's own list, so the output is not walked (67,000 folders at N=10,000).
 */
export function pageFiles(outDir: string, pathnames: Iterable<string>): string[] {
  const files: string[] = [];
  for (const pathname of pathnames) {
    const folder = pathname === '' || pathname.endsWith('/') ? pathname : `${pathname}/`;
    const candidates = [`${folder}index.html`, `${folder.slice(0, -1)}.html`];
    const found = candidates.find((file) => file !== '.html' && existsSync(path.join(outDir, file)));
    if (found) files.push(found);
  }
  return files;
}

const SEARCH_MARK = 'data-pagefind-body';

/**
 * Of `files` (HTML, relative to the output), those with a `data-pagefind-body` (the
 * only ones Pagefind indexes once any page has one), each with the sha256 of its
 * bytes: every page is read once, for the mark and for the hash its bundle's key is
 * made of. Text that merely mentions the attribute lets a page through that Pagefind
 * then skips, so nothing is lost by the test.
 *
 * With a `record` (a file), a page that is still exactly the file the last build
 * read (inode, size, time: file-identity.ts) keeps what was found then, unread. An
 * unchanged page is the same file from build to build (a hard link to Astro's
 * cached copy, pipeline/emit/page-cache.ts), so a rebuild reads only what changed:
 * reading and hashing all 67,000 pages took 2–3 s at N=10,000.
 */
export function searchablePages(outDir: string, files: Iterable<string>, record?: string): Map<string, string> {
  const known = record ? readChecked(record) : new Map<string, Checked>();
  const next: [string, Checked][] = [];
  const pages = new Map<string, string>();
  for (const file of files) {
    const full = path.join(outDir, file);
    const id = record ? identityOf(full) : undefined;
    // '' is a page without the search mark.
    let digest = foundIfUnchanged(id, known.get(file));
    if (digest === undefined) {
      const bytes = readFileSync(full);
      digest = bytes.includes(SEARCH_MARK) ? sha256(bytes) : '';
    }
    if (digest) pages.set(file, digest);
    if (id) next.push([file, [...id, digest]]);
  }
  if (record) writeChecked(record, next);
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

  /**
   * The entry's files if every one matches the manifest. A file still exactly as the last
   * check left it (file-identity.ts, recorded in the entry's VERIFIED) is not hashed again.
   */
  function verified(entry: string): Record<string, string> | undefined {
    try {
      const manifest = JSON.parse(readFileSync(path.join(entry, MANIFEST), 'utf8')) as { files?: Record<string, string> };
      if (!manifest.files || Object.keys(manifest.files).length === 0) return undefined;
      const known = readIdentities(path.join(entry, VERIFIED));
      const checked: [string, Identity][] = [];
      let hashed = 0;
      for (const [file, digest] of Object.entries(manifest.files)) {
        const full = path.join(entry, file);
        // Taken before the bytes are read: a write after this moves the time the next check compares.
        const id = identityOf(full);
        if (!id) return undefined;
        if (!sameIdentity(known.get(file), id)) {
          if (sha256(readFileSync(full)) !== digest) return undefined;
          hashed++;
        }
        checked.push([file, id]);
      }
      if (hashed > 0) writeIdentities(path.join(entry, VERIFIED), checked);
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
      const checked: [string, Identity][] = [];
      for (const file of below) {
        const id = identityOf(path.join(temporary, file));
        files[file] = sha256(readFileSync(path.join(temporary, file)));
        if (id) checked.push([file, id]);
      }
      writeIdentities(path.join(temporary, VERIFIED), checked);
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
