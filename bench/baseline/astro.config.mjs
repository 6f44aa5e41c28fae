// @ts-check
// The benchmark's baseline: a plain Astro site with @astrojs/mdx and the same
// unified + remark-gfm Markdown processor as the real site, one page per body,
// no actors, positions, cards or integrations. bench/run.ts copies this folder
// to bench/.work/baseline/ (inside the repo, so /work/main/node_modules
// resolves) and writes the bodies to src/bodies/.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory' },
  markdown: { processor: unified({ gfm: false, remarkPlugins: [remarkGfm] }) },
  integrations: [mdx()],
});
