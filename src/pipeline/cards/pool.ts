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
    // While sharp rasterises one card on libuv's thread pool, the worker's own thread lays out the next with satori.
    inFlight: 2,
    describe: (i) => `Share card ${requests[i]!.key}`,
  });
}
