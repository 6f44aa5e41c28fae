import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describeCardStats, publishCards, renderCards, type RenderedCards } from '../pipeline/cards/build.ts';
import { defaultCacheDir } from '../pipeline/cards/cache.ts';
import { planCards } from '../pipeline/cards/plan.ts';
import { renderCardPng } from '../pipeline/cards/render.ts';
import { receiveHandoff } from '../pipeline/build-handoff.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';

/** The model and publication the briefing-content integration handed over (it runs first). */
const handoff = () => {
  const { model, context } = receiveHandoff();
  return { model: model(), site: context.publication };
};

/**
 * Share cards are rendered outside Astro's page pipeline, in a worker pool with
 * a content-hash cache: started as the build starts, so that they render while
 * Astro bundles and renders the pages, and put into the output when the pages
 * are done (the output folder is emptied first: cached-pages.ts). The dev server renders
 * them on request.
 */
export function shareCards(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  let rendering: Promise<RenderedCards> | undefined;
  return {
    name: 'share-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        rendering = renderCards({ ...handoff(), cacheDir: defaultCacheDir(root) });
        // Awaited in astro:build:done; this keeps a failure meanwhile from counting as unhandled.
        rendering.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const cacheDir = defaultCacheDir(root);
        const cards = await (rendering ?? renderCards({ ...handoff(), cacheDir }));
        const stats = publishCards(cards, outDir, cacheDir);
        // Read by the benchmark (bench/run.ts).
        writeFileAtomic(path.join(cacheDir, 'last-build.json'), `${JSON.stringify(stats, null, 2)}\n`);
        logger.info(describeCardStats(stats));
      },
      'astro:server:setup': ({ server }) => {
        const prefix = base.replace(/\/$/, '');
        server.middlewares.use(async (req, res, next) => {
          const url = (req.url ?? '').split('?')[0] ?? '';
          if (!url.endsWith('/og.png') || !url.startsWith(prefix)) return next();
          try {
            const sitePath = url.slice(prefix.length);
            const { model, site } = handoff();
            const job = planCards(model, site).find((j) => j.sitePath === sitePath);
            if (!job) return next();
            const png = await renderCardPng(job.content);
            res.setHeader('Content-Type', 'image/png');
            res.setHeader('Cache-Control', 'no-store');
            res.end(png);
          } catch (error) {
            next(error);
          }
        });
      },
    },
  };
}
