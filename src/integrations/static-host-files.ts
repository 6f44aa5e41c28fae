import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { receiveHandoff } from '../pipeline/build-handoff.ts';
import { headersFile, redirectsFile } from '../pipeline/emit/host-files.ts';
import { redirectsOf } from '../pipeline/links/redirects.ts';

/** Writes files static hosts read from the site root: `_headers` with the security headers, `_redirects` when anything moved. */
export function staticHostFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'static-host-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        const outDir = fileURLToPath(dir);
        writeFileSync(path.join(outDir, '_headers'), headersFile(base));
        const redirects = redirectsOf(receiveHandoff().model());
        // An output folder kept from an earlier build must not keep redirects that are gone.
        if (redirects.length) writeFileSync(path.join(outDir, '_redirects'), redirectsFile(redirects, base));
        else rmSync(path.join(outDir, '_redirects'), { force: true });
      },
    },
  };
}
