import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { receiveHandoff } from '../pipeline/build-handoff.ts';
import { BUNDLE_LIST, MAIN_BUNDLE, planSearchBundles, type PlannedBundle } from '../pipeline/emit/search-bundles.ts';
import { bundleKey, linkFiles, openSearchCache, pageFiles, searchablePages } from '../pipeline/emit/search-cache.ts';
import { packageVersions } from '../util/package-versions.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';

const PAGEFIND_OPTIONS = { forceLanguage: 'en' } as const;

/** Where a bundle's pages are linked for Pagefind to read as a folder of its own. */
const STAGE = '_pagefind-stage';

/** Pages in a written bundle (Pagefind skips files without data-pagefind-body). */
function indexedPages(bundleDir: string): number {
  const entry = JSON.parse(readFileSync(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

async function buildBundle(bundle: PlannedBundle, outDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Pagefind reads a folder with its own threads, several times faster than pages handed over one by one.
  const stage = path.join(outDir, STAGE);
  try {
    rmSync(stage, { recursive: true, force: true });
    mkdirSync(stage, { recursive: true });
    linkFiles(bundle.files, outDir, stage);
    const added = await index.addDirectory({ path: stage });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, bundle.dir) });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
    // Ends the Pagefind process, so the next bundle starts with its memory returned.
    await pagefind.close();
  }
}

/**
 * Builds the Pagefind full-text index over the finished HTML, so search works
 * from `dist/` on any static host with no server. Only elements marked
 * `data-pagefind-body` (briefings, actors, positions) are indexed, into the
 * bundles of pipeline/emit/search-bundles.ts, one Pagefind run after the other;
 * a bundle whose pages did not change since the last build comes from the cache
 * (pipeline/emit/search-cache.ts).
 */
export function searchIndex(): AstroIntegration {
  let cacheRoot = '';
  // What the last build found in each page (searchablePages); beside the bundles, which the cache prunes to those in use.
  let pageRecord = '';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheRoot = path.join(fileURLToPath(config.cacheDir), 'search-bundles');
        pageRecord = path.join(fileURLToPath(config.cacheDir), 'search-pages.json');
      },
      'astro:build:done': async ({ dir, logger, pages: built }) => {
        const outDir = fileURLToPath(dir);
        const digests = searchablePages(outDir, pageFiles(outDir, built.map((page) => page.pathname)), pageRecord);
        const bundles = planSearchBundles(receiveHandoff().model(), [...digests.keys()]);
        const cache = openSearchCache(cacheRoot);
        const salt = `${packageVersions(['pagefind'])}\0${JSON.stringify(PAGEFIND_OPTIONS)}`;
        const listed: string[] = [];
        let pages = 0;
        const indexed: string[] = [];
        for (const bundle of bundles) {
          const key = bundleKey(bundle, digests, salt);
          const target = path.join(outDir, bundle.dir);
          if (!cache.restore(bundle.dir, key, target)) {
            await buildBundle(bundle, outDir);
            cache.store(bundle.dir, key, target);
            indexed.push(bundle.dir);
          }
          const count = indexedPages(target);
          pages += count;
          // A bundle with no page to find (every page in it withdrawn) is left out; the main one serves pagefind.js.
          if (count > 0 || bundle.dir === MAIN_BUNDLE) listed.push(bundle.dir);
          else rmSync(target, { recursive: true, force: true });
        }
        cache.prune();
        writeFileAtomic(path.join(outDir, BUNDLE_LIST), `${JSON.stringify({ bundles: listed })}\n`);
        const reused = bundles.length - indexed.length;
        logger.info(`search index: ${pages} pages in ${listed.length} bundles; indexed ${indexed.join(', ') || 'none'}; ${reused} unchanged, from the cache`);
      },
    },
  };
}
