import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { allowMdxCodeFromEnv, contentDirFor, DEFAULT_SITE_URL, withEnvOverrides } from '../config/settings.ts';
import { writeIntellisenseFiles } from '../cli/editor-intellisense.ts';
import { provideHandoff, type BuildContext } from '../pipeline/build-handoff.ts';
import type { BodySource } from '../pipeline/compile/compiled-bodies.ts';
import { mdxRuntimeBodiesModule } from './mdx-runtime-bodies-module.ts';
import { bodyCompilerVersions, startPrecompile } from '../pipeline/compile/precompile.ts';
import { bioBodySource, briefingBodySource } from '../pipeline/compile/renderable-body.ts';
import { checkContentOnWorkers, devContent } from '../pipeline/content-check.ts';
import { ContentError, formatDiagnostic, summarize } from '../pipeline/diagnostics.ts';
import { locatedContentError, overlayPayload } from './located-content-error.ts';
import { provideLedgerRecord } from './published-urls-ledger.ts';
import { SITE_FILE } from '../pipeline/load/site-settings.ts';
import { reportSchedule } from './schedule-report.ts';
import type { SiteModel } from '../pipeline/model.ts';

/** Every body and bio the build renders through the body compiler (not those with MDX code). */
function bodiesToCompile(model: SiteModel): BodySource[] {
  return [
    ...model.briefings.filter((b) => !b.usesCode).map(briefingBodySource),
    ...model.actors.filter((a) => a.bio).map(bioBodySource),
  ];
}

/** The dev server's model: its content errors reach the overlay located at the author's line. */
function locatedErrors(model: () => SiteModel): () => SiteModel {
  return () => {
    try {
      return model();
    } catch (error) {
      throw error instanceof ContentError ? locatedContentError(error, 'dev') : error;
    }
  };
}

/**
 * Runs the content checks before Astro does anything else. A build with any
 * content error stops here, before a single page is written, and lists every
 * problem at once; the dev server reports them and keeps serving. It then hands
 * the build context and the model to the pages (pipeline/build-handoff.ts), and
 * a build compiles the bodies on worker threads while Astro bundles the pages.
 */
export function briefingContent(): AstroIntegration {
  let compiling: ReturnType<typeof startPrecompile> | undefined;
  /** The dev server's current content error, if any (set once its model exists). */
  let devContentError: (() => Error | undefined) | undefined;
  return {
    name: 'briefing-content',
    hooks: {
      // Vite only watches the project root; a CONTENT_DIR elsewhere must be watched too, so
      // that editing, adding, renaming or deleting a briefing reloads the page.
      'astro:server:setup': ({ server }) => {
        const contentDir = contentDirFor(process.cwd());
        server.watcher.add(contentDir);
        // The dev server caches each route's getStaticPaths. An edit is picked up by the page
        // itself (views/page-views.ts, currentView), but a new, renamed or deleted file changes
        // the paths: clear the cache with the event Astro's own content layer sends for that.
        const pathsChanged = (file: string) => {
          if (!file.startsWith(`${contentDir}${path.sep}`)) return;
          for (const name of ['ssr', 'prerender']) server.environments[name]?.hot.send('astro:content-changed', {});
        };
        server.watcher.on('add', pathsChanged);
        server.watcher.on('unlink', pathsChanged);
        // The editor's list of content files follows additions, renames and deletions.
        const listChanged = (file: string) => {
          if (file.startsWith(`${contentDir}${path.sep}`)) writeIntellisenseFiles(process.cwd(), contentDir);
        };
        server.watcher.on('add', listChanged);
        server.watcher.on('unlink', listChanged);
        // Content files are read by the model, not imported as modules, so Vite does not reload
        // the page after a save: reload it, so the author sees the edit, or the error overlay
        // goes (or updates), without reloading by hand.
        server.watcher.on('all', (_event, file) => {
          if (file.startsWith(`${contentDir}${path.sep}`)) server.environments.client?.hot.send({ type: 'full-reload', path: '*' });
        });
        // Astro pushes a page's error to the overlay once, 200 ms after the 500 response, to
        // the clients connected then; a page whose client connects later (a second tab, a reload
        // racing its old page's socket on a busy machine) would stay blank. While the content
        // has errors, a client that connects is sent them, and only that client.
        server.environments.client?.hot.on('vite:client:connect', (_data, connecting) => {
          const error = devContentError?.();
          if (!error) return;
          overlayPayload(error, server.config.root).then(
            (payload) => connecting.send(payload),
            (failure: unknown) => server.config.logger.error(`could not send the content error to the page: ${String(failure)}`),
          );
        });
      },
      'astro:config:setup': ({ command, config, logger, updateConfig, addWatchFile }) => {
        updateConfig({ vite: { plugins: [mdxRuntimeBodiesModule(allowMdxCodeFromEnv())] } });
        // Frontmatter completion and errors in the editor (cli/editor-intellisense.ts).
        if (command === 'dev' || command === 'sync') writeIntellisenseFiles(process.cwd(), contentDirFor(process.cwd()));
        if (command !== 'build' && command !== 'dev') return;
        // The publication's settings are read once per server: an edit of site.yaml restarts it.
        addWatchFile(path.join(contentDirFor(process.cwd()), SITE_FILE));
        const cacheDir = fileURLToPath(config.cacheDir);
        const caches = { analysisCacheFile: path.join(cacheDir, 'briefing-analyses.json'), frontmatterCacheFile: path.join(cacheDir, 'briefing-frontmatter.json') };
        // The dev server's startup check is the first of its reloads: they share what each file gave.
        const dev = command === 'dev' ? devContent(process.cwd(), caches) : undefined;
        const result = dev ? dev.start() : checkContentOnWorkers(caches);
        for (const d of result.diagnostics) {
          (d.severity === 'error' ? logger.error : logger.warn).call(logger, formatDiagnostic(d));
        }
        if (result.errorCount > 0 && command === 'build') throw locatedContentError(new ContentError(result.diagnostics), 'build');
        const context: BuildContext = {
          mode: command,
          base: config.base.endsWith('/') ? config.base : `${config.base}/`,
          siteUrl: config.site ?? DEFAULT_SITE_URL,
          publication: withEnvOverrides(result.publication),
          bodyCompiler: bodyCompilerVersions(),
        };
        const model = result.model;
        const devModel = dev && locatedErrors(dev.model);
        provideHandoff({ context, model: devModel || (() => model) });
        if (devModel) devContentError = () => {
          try {
            devModel();
            return undefined;
          } catch (error) {
            return error instanceof Error ? error : undefined;
          }
        };
        const ms = (result.timings.load + result.timings.resolve).toFixed(0);
        logger.info(`content checked in ${ms} ms: ${model.briefings.length} briefings, ${model.actors.length} actors, ${summarize(result.diagnostics)}`);
        if (command === 'build') {
          reportSchedule(result.schedule, cacheDir, logger);
          provideLedgerRecord(result.ledger);
          const cacheFile = path.join(cacheDir, 'briefing-bodies.json');
          const started = performance.now();
          compiling = startPrecompile(bodiesToCompile(model), cacheFile);
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
