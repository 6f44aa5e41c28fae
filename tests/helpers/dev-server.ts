import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from './corpus.ts';
import { userEnvironment } from './user-build.ts';

export interface DevServer {
  /** Origin the server listens on, without a trailing slash. */
  base: string;
  /** Everything it printed so far. */
  log(): string;
  stop(): void;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A started `astro dev` that has printed its address, with the moments that took. */
export interface SpawnedDevServer {
  child: ChildProcess;
  /** Origin it listens on, without a trailing slash. */
  base: string;
  /** `performance.now()` just before the spawn, and when the address line came. */
  spawnedAt: number;
  addressAt: number;
  log(): string;
}

/**
 * `astro dev` on a content folder, as a user's shell starts it (vitest's DEV/SSR/MODE
 * variables would leak into import.meta.env), resolved when it prints its address.
 * `nodeFlags` go to the Node that runs Astro (bench/dev.ts profiles with them).
 */
export async function spawnDevServer(options: { contentDir: string; cacheDir: string; env?: Record<string, string>; nodeFlags?: string[]; timeoutMs?: number }): Promise<SpawnedDevServer> {
  const astro = path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  const port = await freePort();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), astro, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: PROJECT_ROOT,
    env: userEnvironment({ CONTENT_DIR: options.contentDir, ASTRO_TELEMETRY_DISABLED: '1', BRIEFINGS_TODAY: '2026-01-01', ASTRO_CACHE_DIR: options.cacheDir, ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server did not print its address:\n${log}`)), options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(log.replace(/\x1b\[[0-9;]*m/g, ''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`dev server exited with ${code}:\n${log}`)));
  });
  return { child, base, spawnedAt, addressAt: performance.now(), log: () => log };
}

/**
 * `spawnDevServer`, resolved once it renders `readyPath` normally: the first requests
 * trigger Vite's dependency optimisation, which can answer with errors or reload.
 */
export async function startDevServer(options: {
  contentDir: string;
  cacheDir: string;
  env?: Record<string, string>;
  readyPath?: string;
  /** What the ready page must contain, beyond answering 200. */
  ready?: (html: string) => boolean;
}): Promise<DevServer> {
  const { child, base, log } = await spawnDevServer(options);
  const dev: DevServer = { base, log, stop: () => void child.kill() };
  for (let attempt = 0; attempt < 120; attempt++) {
    const response = await fetch(`${base}${options.readyPath ?? '/'}`).catch(() => undefined);
    if (response?.status === 200 && (!options.ready || options.ready(await response.text()))) return dev;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  dev.stop();
  throw new Error(`dev server never rendered ${options.readyPath ?? '/'}:\n${log()}`);
}
