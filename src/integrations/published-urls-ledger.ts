import type { AstroIntegration } from 'astro';
import { contentDirFor } from '../config/settings.ts';
import { receiveHandoff } from '../pipeline/build-handoff.ts';
import { LEDGER_FILE, writeLedger } from '../pipeline/links/ledger-files.ts';
import { publishedUrls } from '../pipeline/links/published-urls.ts';

/** The ledger's URLs as the content check read them (briefing-content sets them). */
let known: string[] | undefined;
export const provideLedgerRecord = (urls: string[]) => void (known = urls);

/**
 * Adds the URLs a build published for the first time to content/published-urls.txt.
 * The last integration, so only a build whose every step succeeded (pages, cards,
 * search, host files) records its URLs: from then on they must keep answering.
 */
export function publishedUrlsLedger(): AstroIntegration {
  return {
    name: 'published-urls-ledger',
    hooks: {
      'astro:build:done': ({ logger }) => {
        if (known === undefined) return;
        if (writeLedger(contentDirFor(process.cwd()), [...known, ...publishedUrls(receiveHandoff().model())])) {
          logger.info(`${LEDGER_FILE}: added the URLs published for the first time; commit it with the content`);
        }
      },
    },
  };
}
