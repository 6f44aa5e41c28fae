/** Renders cards in worker processes, one per core, off the main thread. */
import { runInWorkers } from '../../util/worker-pool.ts';
import type { CardContent } from './layout.ts';

export interface RenderRequest {
  content: CardContent;
  key: string;
  /** The card cache the PNG goes into (store.ts). */
  cacheDir: string;
}

/** Renders every request into the cache; returns each one's entry file, in request order. */
export async function renderInPool(requests: RenderRequest[], threads?: number): Promise<string[]> {
  return runInWorkers<RenderRequest, string>(new URL('./worker.ts', import.meta.url), requests, {
    threads,
    // A build renders cards while it renders pages; as processes, their memory is the system's again when they end.
    processes: true,
    // The next card waits in the worker's queue while it renders one: no idle round trip between cards.
    inFlight: 2,
    env: workerEnvironment(),
    describe: (i) => `Share card ${requests[i]!.key}`,
  });
}

/**
 * Skia's binding (@napi-rs/canvas) allocates with mimalloc, which hands freed memory
 * back to the system soon after it is freed (mimalloc 2's default: 10 ms); so each
 * card's 3 MB of pixels came back as fresh pages for the kernel to fault in and zero.
 * Kept a second, they are reused by the next card. `npm run cards` over the N=1000
 * corpus: 892,000–933,000 page faults → 195,000–199,000, system CPU 6.4–6.6 → 4.4–4.5 s,
 * 83.0–84.0 → 78.2–78.5 CPU-s in all; one worker's peak memory 364 → 369–385 MB
 * (bench/RESULTS.md). A value the user set is kept.
 */
export function workerEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return env.MIMALLOC_PURGE_DELAY === undefined ? { MIMALLOC_PURGE_DELAY: '1000' } : {};
}
