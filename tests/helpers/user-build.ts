import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, type BuildResult } from './build.ts';

/**
 * Variables vitest puts into `process.env` of its workers. Astro 7 reads every
 * environment variable into `import.meta.env`, so a `DEV=1` or `BASE_URL=/` inherited
 * from the test runner would change what the site builds (see environment.test.ts).
 */
export const TEST_RUNNER_VARIABLES = [
  'DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL', 'NODE_ENV', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID',
] as const;

/** `process.env` without the test runner's variables, plus `extra`: what a child process of a user's shell would see. */
export function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of TEST_RUNNER_VARIABLES) if (!(name in extra)) delete env[name];
  return env;
}

/**
 * `buildSite` in the environment of a user's shell or CI: without the variables the
 * test runner adds. `spawnSync` is synchronous, so removing and restoring them around
 * the call affects nothing else in this worker.
 */
export function buildAsUser(options: Parameters<typeof buildSite>[0]): BuildResult {
  const saved = new Map<string, string | undefined>();
  for (const name of TEST_RUNNER_VARIABLES) {
    saved.set(name, process.env[name]);
    delete process.env[name];
  }
  try {
    return buildSite(options);
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Deletes a build's output folder and the cache folder `buildSite` put beside it. */
export function removeBuild(result: Pick<BuildResult, 'outDir'> | undefined): void {
  if (!result) return;
  rmSync(result.outDir, { recursive: true, force: true });
  rmSync(path.join(result.outDir, '..', `${path.basename(result.outDir)}-cache`), { recursive: true, force: true });
}
