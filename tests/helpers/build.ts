import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { PROJECT_ROOT } from './corpus.ts';

export interface BuildResult {
  ok: boolean;
  status: number | null;
  output: string;
  outDir: string;
  /** Parsed HTML of a built page, by site path ("/actors/x/"). */
  page(sitePath: string): cheerio.CheerioAPI;
  exists(sitePath: string): boolean;
  file(sitePath: string): Buffer;
}

/**
 * Runs the real `astro build` of this project against another content folder,
 * the way a user's build would run, and returns the output folder.
 */
export function buildSite(options: { contentDir: string; env?: Record<string, string>; outDir?: string }): BuildResult {
  const outDir = options.outDir ?? mkdtempSync(path.join(tmpdir(), 'briefing-dist-'));
  const astro = path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  const run = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: options.contentDir,
      ASTRO_CACHE_DIR: path.join(outDir, '..', `${path.basename(outDir)}-cache`),
      BRIEFINGS_TODAY: '2026-01-01',
      ...options.env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  const resolve = (sitePath: string) => {
    const clean = sitePath.replace(/^\/+/, '');
    return path.join(outDir, clean.endsWith('/') || clean === '' ? `${clean}index.html` : clean);
  };
  return {
    ok: run.status === 0,
    status: run.status,
    output: `${run.stdout}\n${run.stderr}`,
    outDir,
    page: (sitePath) => cheerio.load(readFileSync(resolve(sitePath), 'utf8')),
    exists: (sitePath) => existsSync(resolve(sitePath)),
    file: (sitePath) => readFileSync(resolve(sitePath)),
  };
}
