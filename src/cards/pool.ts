/** A small pool of worker threads, one per core, that renders cards off the main thread. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CardContent } from './layout.ts';
import type { CardResult, CardTask } from './worker.ts';

export interface RenderRequest {
  content: CardContent;
  /** Where the PNG goes (the cache file). */
  file: string;
}

export async function renderInPool(requests: RenderRequest[], threads = availableParallelism()): Promise<{ bytes: number[] }> {
  if (requests.length === 0) return { bytes: [] };
  const workerUrl = new URL('./worker.ts', import.meta.url);
  const count = Math.max(1, Math.min(threads, requests.length));
  const bytes: number[] = new Array(requests.length);
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(workerUrl));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const send = () => {
              if (next >= requests.length) {
                if (inFlight === 0) resolve();
                return;
              }
              inFlight++;
              const id = next++;
              worker.postMessage({ id, ...requests[id]! } satisfies CardTask);
            };
            worker.on('message', (result: CardResult) => {
              if (!result.ok) return reject(new Error(`Share card ${requests[result.id]!.file} failed: ${result.error}`));
              bytes[result.id] = result.bytes;
              inFlight--;
              send();
            });
            worker.on('error', reject);
            // Two cards in flight per worker: while resvg rasterises one on libuv's
            // thread pool, the worker's own thread lays out the next with satori.
            send();
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { bytes };
}
