import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { SEARCH_BUNDLES, type SearchBundle } from '../pipeline/emit/search-bundles.ts';

/** Pagefind globs (relative to the output folder) for the pages of one bundle. */
function globsFor(bundle: SearchBundle, outDir: string): string[] {
  if (bundle.pages === 'positions') return ['positions/*/index.html'];
  const bundleDirs = new Set<string>(SEARCH_BUNDLES.map((b) => b.dir));
  const folders = readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !bundleDirs.has(entry.name) && !entry.name.startsWith('_'))
    .map((entry) => entry.name);
  // The positions folder holds its list page too; the position pages themselves are the other bundle's.
  return ['*.html', ...folders.filter((f) => f !== 'positions').map((f) => `${f}/**/*.html`), 'positions/index.html'];
}

/** Pages in a written bundle (Pagefind skips files without data-pagefind-body). */
function indexedPages(bundleDir: string): number {
  const entry = JSON.parse(readFileSync(`${bundleDir}/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Builds the Pagefind full-text index over the finished HTML, so search works
 * from `dist/` on any static host with no server. Only elements marked
 * `data-pagefind-body` (briefings, actors, positions) are indexed, into the
 * bundles of pipeline/emit/search-bundles.ts, one Pagefind run after the other.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const counts: string[] = [];
        for (const bundle of SEARCH_BUNDLES) {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          try {
            for (const glob of globsFor(bundle, outDir)) {
              const added = await index.addDirectory({ path: outDir, glob });
              if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
            }
            const written = await index.writeFiles({ outputPath: `${outDir}/${bundle.dir}` });
            if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
            counts.push(`${indexedPages(`${outDir}/${bundle.dir}`)} pages in ${bundle.dir}/`);
          } finally {
            // Ends the Pagefind process, so the next bundle starts with its memory returned.
            await pagefind.close();
          }
        }
        logger.info(`search index: ${counts.join(', ')}`);
      },
    },
  };
}
