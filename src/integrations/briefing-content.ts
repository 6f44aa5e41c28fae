import type { AstroIntegration } from 'astro';
import { ContentError, formatDiagnostic, summarize } from '../lib/diagnostics.ts';
import { checkContent, contentDirFor, shareBuildModel, type CheckResult } from '../lib/site.ts';

let lastCheck: CheckResult | undefined;

/** The content as checked at the start of this build, for later build stages (cards, feeds). */
export function checkedContent(): CheckResult {
  return (lastCheck ??= checkContent({ includeDrafts: false }));
}

/**
 * Runs the content checks before Astro does anything else. A build with any
 * content error stops here, before a single page is written, and lists every
 * problem at once; the dev server reports them and keeps serving.
 */
export function briefingContent(): AstroIntegration {
  return {
    name: 'briefing-content',
    hooks: {
      // Vite only watches the project root; a CONTENT_DIR elsewhere must be watched too, so
      // that adding, renaming or deleting a briefing refreshes the compiled bodies (glob imports).
      'astro:server:setup': ({ server }) => {
        server.watcher.add(contentDirFor(process.cwd()));
      },
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({
          vite: { define: { __BRIEFINGS_COMMAND__: JSON.stringify(command), __BRIEFINGS_BASE__: JSON.stringify(base) } },
        });
        if (command !== 'build' && command !== 'dev') return;
        const result = checkContent({ includeDrafts: command === 'dev' });
        lastCheck = command === 'build' ? result : undefined;
        for (const d of result.diagnostics) {
          (d.severity === 'error' ? logger.error : logger.warn).call(logger, formatDiagnostic(d));
        }
        if (result.errorCount > 0 && command === 'build') throw new ContentError(result.diagnostics);
        shareBuildModel(command === 'build' ? result.model : undefined);
        const ms = (result.timings.load + result.timings.resolve).toFixed(0);
        logger.info(`content checked in ${ms} ms: ${result.model.briefings.length} briefings, ${result.model.actors.length} actors, ${summarize(result.diagnostics)}`);
      },
    },
  };
}
