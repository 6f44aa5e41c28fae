import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { emptyOutput, linkCachedPages, recordCachedPages, removeEmptyFolders, removeUnbuiltPages } from '../pipeline/emit/page-cache.ts';
import type { Identity } from '../util/file-identity.ts';

/**
 * Puts the last build's verified pages into the output before Astro generates
 * pages, so that it skips its own page-by-page copies, and keeps the record that
 * verifies them (pipeline/emit/page-cache.ts). It empties the output itself
 * (astro.config.mjs turns Astro's emptying off), so it must run before any
 * integration writes there, and finish before any reads the pages.
 */
export function cachedPages(): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  let linked: ReadonlyMap<string, Identity> = new Map();
  return {
    name: 'cached-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        const started = performance.now();
        emptyOutput(outDir);
        const result = linkCachedPages(cacheDir, outDir);
        linked = result.linked;
        const discarded = result.discarded ? `; ${result.discarded} failed the check and will be rendered again` : '';
        logger.info(`${linked.size} cached pages linked into the output${discarded}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
      'astro:build:done': ({ logger }) => {
        const removed = removeUnbuiltPages(cacheDir, outDir, linked);
        if (removed) logger.info(`${removed} pages of the last build that this one no longer has were removed`);
        removeEmptyFolders(outDir);
        recordCachedPages(cacheDir);
      },
    },
  };
}
