/**
 * Runs tasks on a few worker threads and returns their results in task order.
 * Share cards and compiled bodies both use it; each worker script answers every
 * `{ id, ...task }` message with a `WorkerReply` (see `serveTasks`).
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

export type WorkerReply<R> = { id: number; ok: true; value: R } | { id: number; ok: false; error: string };

export interface PoolOptions {
  /** Worker threads; one per core by default, never more than there are tasks. */
  threads?: number;
  /**
   * Tasks sent to a worker before its first reply. Two keep a worker busy when a
   * task waits on libuv's thread pool (sharp's rasteriser) much of its time.
   */
  inFlight?: number;
  /** Names the failing task in the error. */
  describe?: (index: number) => string;
}

export async function runInWorkers<T extends object, R>(workerUrl: URL, tasks: readonly T[], options: PoolOptions = {}): Promise<R[]> {
  if (tasks.length === 0) return [];
  const count = Math.max(1, Math.min(options.threads ?? availableParallelism(), tasks.length));
  const inFlightPerWorker = Math.max(1, options.inFlight ?? 1);
  const results: R[] = new Array(tasks.length);
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(workerUrl));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const send = () => {
              if (next >= tasks.length) {
                if (inFlight === 0) resolve();
                return;
              }
              inFlight++;
              const id = next++;
              worker.postMessage({ id, ...tasks[id]! });
            };
            worker.on('message', (reply: WorkerReply<R>) => {
              if (!reply.ok) return reject(new Error(`${options.describe?.(reply.id) ?? `Task ${reply.id}`} failed: ${reply.error}`));
              results[reply.id] = reply.value;
              inFlight--;
              send();
            });
            worker.on('error', reject);
            for (let i = 0; i < inFlightPerWorker; i++) send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** The worker side: answers each task with `handle`'s result or its error. */
export function serveTasks<T, R>(handle: (task: T) => R | Promise<R>): void {
  parentPort!.on('message', async (task: T & { id: number }) => {
    let reply: WorkerReply<R>;
    try {
      reply = { id: task.id, ok: true, value: await handle(task) };
    } catch (error) {
      reply = { id: task.id, ok: false, error: (error as Error)?.stack ?? String(error) };
    }
    parentPort!.postMessage(reply);
  });
}
