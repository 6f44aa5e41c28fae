import sitemap, { type SitemapOptions } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/**
 * @astrojs/sitemap, listing the pages in path order. Astro hands it the pages in
 * the order they finished, which varies once pages build concurrently
 * (`build.concurrency`, astro.config.mjs): sorted, the same site gives the same
 * sitemap, byte for byte, however its pages were scheduled.
 */
export function orderedSitemap(options: SitemapOptions): AstroIntegration {
  const inner = sitemap(options);
  const done = inner.hooks['astro:build:done'];
  if (!done) return inner;
  return {
    ...inner,
    hooks: {
      ...inner.hooks,
      'astro:build:done': (params) => done({ ...params, pages: [...params.pages].sort((a, b) => (a.pathname < b.pathname ? -1 : a.pathname > b.pathname ? 1 : 0)) }),
    },
  };
}
