import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../pipeline/emit/host-files.ts';

/** Writes files static hosts read from the site root: `_headers` with the security headers. */
export function staticHostFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'static-host-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(path.join(fileURLToPath(dir), '_headers'), headersFile(base));
      },
    },
  };
}
