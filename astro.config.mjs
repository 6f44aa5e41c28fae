// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { remarkCiteContext } from './src/pipeline/compile/remark-cite-context.ts';
import { briefingContent } from './src/integrations/briefing-content.ts';
import { cachedPages } from './src/integrations/cached-pages.ts';
import { shareCards } from './src/integrations/share-cards.ts';
import { brandFilesIntegration } from './src/integrations/brand-files.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { orderedSitemap } from './src/integrations/ordered-sitemap.ts';
import { staticHostFiles } from './src/integrations/static-host-files.ts';
import { publishedUrlsLedger } from './src/integrations/published-urls-ledger.ts';
import { inSitemap } from './src/views/sitemap.ts';
import { contentDirFor, DEFAULT_SITE_URL, pageConcurrency } from './src/config/settings.ts';

const site = process.env.SITE_URL || DEFAULT_SITE_URL;
// Relative to the project root, as Astro reads it.
const cacheDir = path.resolve(fileURLToPath(new URL('.', import.meta.url)), process.env.ASTRO_CACHE_DIR || './node_modules/.astro');
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Tests build several fixture sites at once; each gets its own cache.
  cacheDir,
  // No inline <style>: the Content-Security-Policy allows only our own files. Pages at a time:
  // see pageConcurrency (src/config/settings.ts); they then finish in no fixed order, so the
  // sitemap sorts them (ordered-sitemap.ts).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: pageConcurrency(cacheDir) },
  markdown: {
    // Astro 7's default processor does not run remark plugins; the unified one does,
    // for .md and (through @astrojs/mdx, which extends this config) .mdx alike.
    // GFM comes from our pinned remark-gfm rather than the processor's built-in copy.
    processor: unified({ gfm: false, remarkPlugins: [remarkGfm, remarkCiteContext] }),
  },
  // Pages whose getStaticPaths gives a cacheKey (src/views/cache-key.ts) are copied from the
  // last build when their key and code are unchanged: a correction rebuilds what it touches.
  experimental: { incrementalBuild: true },
  integrations: [
    // First: it empties the output and links the cached pages into it while the content is checked.
    cachedPages(),
    briefingContent(),
    mdx(),
    orderedSitemap({ filter: inSitemap }),
    // Before shareCards, whose astro:build:done waits for the last cards: the pages are
    // done by then, so Pagefind indexes them while the cards are still being drawn.
    searchIndex(),
    shareCards(),
    brandFilesIntegration(),
    staticHostFiles(),
    // Last: only a build that got through every step records the URLs it published.
    publishedUrlsLedger(),
  ],
  vite: {
    // Never inline scripts or assets: the CSP allows only files from this origin.
    build: {
      assetsInlineLimit: 0,
      // The output is emptied by cachedPages() instead, which then links the cached pages into it.
      emptyOutDir: false,
      rolldownOptions: {
        // MDX output can carry module-level directives ('use client') that the bundler
        // warns about once per page; that one warning is noise here, every other log is kept.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
    // The dev server watches content/ and src/, not build output or benchmark corpora.
    server: { watch: { ignored: ['**/dist/**', '**/bench/.work/**', '**/.scratch/**'] } },
    // Readers' pages ship no framework code, so there are no browser dependencies to pre-bundle;
    // skipping the scan makes the dev server's first page load seconds faster.
    optimizeDeps: { noDiscovery: true, include: [] },
    resolve: {
      alias: { '@content': contentDirFor(process.cwd()) },
    },
  },
});
