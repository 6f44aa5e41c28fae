import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuildResult } from '../helpers/build.ts';
import { tempCorpus } from '../helpers/corpus.ts';
import { collectLinks, listFiles } from '../helpers/links.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

/**
 * Astro 7 copies every environment variable into `import.meta.env`, so variables that
 * happen to be called DEV or BASE_URL in a shell or CI (vitest itself sets DEV=1 and
 * BASE_URL=/) reach the pages. Whether drafts are published and where links point
 * must depend on the command and on BASE_PATH alone.
 */
describe('astro build in an environment that sets DEV=1 and BASE_URL=/', () => {
  // A copy of the fixture: a build writes its ledger of published URLs beside the content.
  const corpus = tempCorpus('basic');
  let build: BuildResult;
  beforeAll(() => {
    build = buildAsUser({
      contentDir: corpus.contentDir,
      env: { DEV: '1', BASE_URL: '/', BASE_PATH: '/desk', SITE_URL: 'https://example.org' },
    });
    if (!build.ok) throw new Error(`astro build failed:\n${build.output}`);
  });
  afterAll(() => {
    removeBuild(build);
    corpus.cleanup();
  });

  test('still leaves the draft out', () => {
    expect(build.exists('/briefings/first-talks/')).toBe(true);
    expect(build.exists('/briefings/secret-plan/')).toBe(false);
    const leaks = listFiles(build.outDir).filter((file) => readFileSync(path.join(build.outDir, file)).includes('DRAFTSECRET'));
    expect(leaks).toEqual([]);
  });

  test('still puts BASE_PATH in front of every link and canonical URL', () => {
    const links = collectLinks({ outDir: build.outDir, site: 'https://example.org', base: '/desk/' });
    const wrong = links
      .filter((link) => link.url.origin === 'https://example.org' && (link.raw.startsWith('/') || link.from !== 'a[href]'))
      .filter((link) => !link.url.pathname.startsWith('/desk/'))
      .map((link) => `${link.page}: ${link.from}=${link.raw}`);
    expect(wrong).toEqual([]);
  });
});
