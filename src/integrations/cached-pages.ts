import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { manifestOutputs, prepareOutput, recordCachedPages, removeEmptyFolders, removeUnbuiltPages, type PreparedOutput } from '../pipeline/emit/page-cache.ts';

/**
 * Puts the last build's verified pages into the output before Astro generates
 * pages, so that it skips its own page-by-page copies, and keeps the record that
 * verifies them (pipeline/emit/page-cache.ts). It empties the output itself
 * (astro.config.mjs turns Astro's emptying off), on a worker thread started as
 * the config is set up, so that it runs beside the content check; it must come
 * first among the integrations, before any writes to the output or reads it.
 */
export function cachedPages(): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  let preparing: Promise<PreparedOutput> | undefined;
  let prepared: PreparedOutput = { emptied: [], linked: [], discarded: 0 };
  let started = 0;
  return {
    name: 'cached-pages',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        if (command !== 'build') return;
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
        started = performance.now();
        preparing = prepareOutput(cacheDir, outDir);
        // Awaited in astro:build:start; this keeps a failure meanwhile from counting as unhandled.
        preparing.catch(() => {});
      },
      'astro:build:start': async ({ logger }) => {
        prepared = await preparing!;
        const discarded = prepared.discarded ? `; ${prepared.discarded} failed the check and will be rendered again` : '';
        logger.info(`${prepared.linked.length} cached pages linked into the output${discarded} (${((performance.now() - started) / 1000).toFixed(1)} s, beside the content check)`);
      },
      'astro:build:done': ({ logger }) => {
        // The manifest Astro wrote at the end of the pages: read once, for both steps.
        const built = new Set(manifestOutputs(cacheDir));
        const removed = removeUnbuiltPages(outDir, new Map(prepared.linked), built);
        if (removed) logger.info(`${removed} pages of the last build that this one no longer has were removed`);
        removeEmptyFolders(prepared.emptied);
        recordCachedPages(cacheDir, built);
      },
    },
  };
}
