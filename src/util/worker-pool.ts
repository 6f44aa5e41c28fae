/**
 * Runs tasks on a few workers and returns their results in task order. Share
 * cards and compiled bodies both use it; each worker script answers every
 * `{ id, ...task }` message with a `WorkerReply` (see `serveTasks`).
 *
 * Workers are threads by default. `processes: true` runs each in a child
 * process instead: memory a native library allocated comes back to the system
 * when the process ends, which a thread's does not always do (the allocator
 * keeps it for the parent), and a long build keeps going with that parent.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';

export type WorkerReply<R> = { id: number; ok: true; value: R } | { id: number; ok: false; error: string };

export interface PoolOptions {
  /** Workers; one per core by default, never more than there are tasks. */
  threads?: number;
  /** Child processes instead of worker threads (see above). */
  processes?: boolean;
  /** Variables added to a child process's environment (`processes: true` only). */
  env?: Record<string, string>;
  /**
   * Tasks sent to a worker before its first reply. Two keep a worker busy when a
   * task waits on libuv's thread pool (sharp's rasteriser) much of its time.
   */
  inFlight?: number;
  /** Names the failing task in the error. */
  describe?: (index: number) => string;
}

/** What the pool needs of a worker, whether a thread or a process. */
interface Channel {
  send(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'exit', listener: (code: number | null) => void): void;
  stop(): Promise<unknown>;
}

function startWorker(workerUrl: URL, processes: boolean, env?: Record<string, string>): Channel {
  if (processes) {
    const child: ChildProcess = fork(fileURLToPath(workerUrl), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: env ? { ...process.env, ...env } : process.env,
    });
    return {
      send: (message) => child.send(message as never),
      on: (event: string, listener: (...args: any[]) => void) => void child.on(event, listener),
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          // Closing the channel lets the worker end on its own (and write a --cpu-prof
          // profile); one that does not within a second is killed.
          child.disconnect();
          setTimeout(() => child.kill(), 1000).unref();
        }),
    };
  }
  const worker = new Worker(workerUrl);
  return {
    send: (message) => worker.postMessage(message),
    on: (event: string, listener: (...args: any[]) => void) => void worker.on(event, listener),
    stop: () => worker.terminate(),
  };
}

export async function runInWorkers<T extends object, R>(workerUrl: URL, tasks: readonly T[], options: PoolOptions = {}): Promise<R[]> {
  if (tasks.length === 0) return [];
  const count = Math.max(1, Math.min(options.threads ?? availableParallelism(), tasks.length));
  const inFlightPerWorker = Math.max(1, options.inFlight ?? 1);
  const results: R[] = new Array(tasks.length);
  let next = 0;
  const workers = Array.from({ length: count }, () => startWorker(workerUrl, options.processes === true, options.env));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            let done = false;
            const send = () => {
              if (next >= tasks.length) {
                if (inFlight === 0) {
                  done = true;
                  resolve();
                }
                return;
              }
              inFlight++;
              const id = next++;
              worker.send({ id, ...tasks[id]! });
            };
            worker.on('message', (message) => {
              const reply = message as WorkerReply<R>;
              if (!reply.ok) return reject(new Error(`${options.describe?.(reply.id) ?? `Task ${reply.id}`} failed: ${reply.error}`));
              results[reply.id] = reply.value;
              inFlight--;
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (!done) reject(new Error(`A worker stopped (exit code ${code}) with tasks unfinished`));
            });
            for (let i = 0; i < inFlightPerWorker; i++) send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
  return results;
}

/** The worker side, in a worker thread or a child process: answers each task with `handle`'s result or its error. */
export function serveTasks<T, R>(handle: (task: T) => R | Promise<R>): void {
  // A process whose pool has stopped (its channel closed) finishes the task at hand and ends; nobody waits for the reply.
  const reply = (message: WorkerReply<R>) => (parentPort ? parentPort.postMessage(message) : process.connected && process.send!(message));
  const listen = (listener: (task: T & { id: number }) => void) => (parentPort ? parentPort.on('message', listener) : process.on('message', listener));
  listen(async (task) => {
    let message: WorkerReply<R>;
    try {
      message = { id: task.id, ok: true, value: await handle(task) };
    } catch (error) {
      message = { id: task.id, ok: false, error: (error as Error)?.stack ?? String(error) };
    }
    reply(message);
  });
}
