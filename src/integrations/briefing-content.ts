import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bioFileName, briefingFileName } from '../lib/bodies.ts';
import { ContentError, formatDiagnostic, summarize } from '../lib/diagnostics.ts';
import type { BodySource } from '../lib/markdown/body-cache.ts';
import { startPrecompile } from '../lib/markdown/body-precompile.ts';
import type { SiteModel } from '../lib/model.ts';
import { allowMdxCodeFromEnv, checkContent, contentDirFor, shareBuildModel } from '../lib/site.ts';

/** Every body and bio the build renders through the body compiler (not those with MDX code). */
function bodiesToCompile(model: SiteModel): BodySource[] {
  return [
    ...model.briefings.filter((b) => !b.usesCode).map((b) => ({ source: b.body, format: b.format, fileName: briefingFileName(b) })),
    ...model.actors.filter((a) => a.bio).map((a) => ({ source: a.bio, format: 'md' as const, fileName: bioFileName(a) })),
  ];
}

/**
 * Runs the content checks before Astro does anything else. A build with any
 * content error stops here, before a single page is written, and lists every
 * problem at once; the dev server reports them and keeps serving. A build then
 * compiles the bodies on worker threads while Astro bundles the pages.
 */
export function briefingContent(): AstroIntegration {
  let compiling: ReturnType<typeof startPrecompile> | undefined;
  return {
    name: 'briefing-content',
    hooks: {
      // Vite only watches the project root; a CONTENT_DIR elsewhere must be watched too, so
      // that editing, adding, renaming or deleting a briefing reloads the page.
      'astro:server:setup': ({ server }) => {
        server.watcher.add(contentDirFor(process.cwd()));
      },
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({
          vite: {
            define: {
              __BRIEFINGS_COMMAND__: JSON.stringify(command),
              __BRIEFINGS_BASE__: JSON.stringify(base),
              __BRIEFINGS_ALLOW_MDX_CODE__: JSON.stringify(allowMdxCodeFromEnv()),
            },
          },
        });
        if (command !== 'build' && command !== 'dev') return;
        const cacheDir = fileURLToPath(config.cacheDir);
        const result = checkContent({
          includeDrafts: command === 'dev',
          analysisCacheFile: command === 'build' ? path.join(cacheDir, 'briefing-analyses.json') : undefined,
        });
        for (const d of result.diagnostics) {
          (d.severity === 'error' ? logger.error : logger.warn).call(logger, formatDiagnostic(d));
        }
        if (result.errorCount > 0 && command === 'build') throw new ContentError(result.diagnostics);
        shareBuildModel(command === 'build' ? result.model : undefined);
        const ms = (result.timings.load + result.timings.resolve).toFixed(0);
        logger.info(`content checked in ${ms} ms: ${result.model.briefings.length} briefings, ${result.model.actors.length} actors, ${summarize(result.diagnostics)}`);
        if (command === 'build') {
          const cacheFile = path.join(cacheDir, 'briefing-bodies.json');
          const started = performance.now();
          compiling = startPrecompile(bodiesToCompile(result.model), cacheFile);
          compiling.then(
            (stats) => logger.info(`bodies: ${stats.compiled} compiled, ${stats.reused} from cache, ${((performance.now() - started) / 1000).toFixed(1)} s`),
            () => {},
          );
        }
      },
      // A compile error fails the build even if no page happened to wait for the bodies.
      'astro:build:done': async () => {
        await compiling;
      },
    },
  };
}
