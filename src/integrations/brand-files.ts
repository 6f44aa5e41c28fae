import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { receiveHandoff } from '../pipeline/build-handoff.ts';
import { brandFilePaths, brandFiles, type BrandFile } from '../pipeline/emit/brand-files.ts';

/**
 * Puts the favicons, the logo and the accent stylesheet (pipeline/emit/brand-files.ts)
 * into the output after the pages, and serves the same files in the dev server, so no
 * page of either asks for an icon that is not there.
 */
export function brandFilesIntegration(): AstroIntegration {
  let base = '/';
  let making: Promise<BrandFile[]> | undefined;
  const files = () => (making ??= brandFiles(receiveHandoff().context.publication));
  return {
    name: 'brand-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/$/, '');
      },
      'astro:build:start': () => {
        files().catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const made = await files();
        for (const file of made) {
          const target = path.join(outDir, file.sitePath);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, file.body);
        }
        logger.info(`brand: ${made.map((f) => f.sitePath).join(', ')}`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          const url = (req.url ?? '').split('?')[0] ?? '';
          if (!brandFilePaths(receiveHandoff().context.publication).some((sitePath) => `${base}${sitePath}` === url)) return next();
          try {
            const file = (await files()).find((f) => `${base}${f.sitePath}` === url);
            if (!file) return next();
            res.setHeader('Content-Type', file.type);
            res.setHeader('Cache-Control', 'no-store');
            res.end(file.body);
          } catch (error) {
            next(error);
          }
        });
      },
    },
  };
}
