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
    describe: (i) => `Share card ${requests[i]!.key}`,
  });
}
