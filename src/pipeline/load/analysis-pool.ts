/**
 * Parses briefing bodies on worker threads while the main thread reads and
 * validates frontmatter, which takes a good part off `npm run check` for a large
 * corpus on a machine with cores to spare. `loadContent` is synchronous (the build and the dev server
 * call it too), so `collect()` blocks with Atomics.wait and reads the results
 * with receiveMessageOnPort instead of waiting for events.
 *
 * Whatever goes wrong in a worker (it fails to start, throws, stalls), the jobs
 * it did not finish are analyzed here on the main thread: the pool can make the
 * check slower, never different.
 *
 * The main thread does not only wait: once it has read the frontmatter, it takes
 * the jobs no worker has started yet, from the last one back, so that both finish
 * together. Each job is claimed once, in a shared array, by whichever side takes
 * it first.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { analyzeBody, type BodyAnalysis } from './analyze-body.ts';
import type { BodyAnalyzer, BodyJob } from './load-content.ts';
import type { BodyTask, BodyTaskResult } from './analysis-worker.ts';

/** Below this many briefings, starting workers costs more than it saves. */
export const POOL_THRESHOLD = 150;
/** With no result from any worker for this long, the rest is done on the main thread. */
const STALL_MS = 15_000;
/** Jobs beyond this many are left to the workers alone (the claims' shared array has a slot a job). */
const CLAIMABLE = 1 << 17;

export interface BodyPool extends BodyAnalyzer {
  /** Stops the workers; call it once `collect()` has returned. */
  close(): void;
  /** Who analysed the jobs `collect()` returned: the workers, or this thread (stolen while it waited, or left over). */
  done(): { byWorkers: number; here: number };
}

export interface BodyPoolOptions {
  /** Worker threads; one less than the cores by default (the main thread is busy too). */
  threads?: number;
  /** For tests: how long to wait for a silent worker, and which script to run. */
  stallMs?: number;
  workerUrl?: URL;
}

export function createBodyPool(options: BodyPoolOptions = {}): BodyPool {
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  const stallMs = options.stallMs ?? STALL_MS;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const claims = new Int32Array(new SharedArrayBuffer(4 * CLAIMABLE));
  const workers: { worker: Worker; results: MessagePort }[] = [];
  try {
    for (let i = 0; i < Math.max(1, threads); i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(options.workerUrl ?? new URL('./analysis-worker.ts', import.meta.url), {
        workerData: { port: port2, signal, claims },
        transferList: [port2],
        // A roomier young generation: parsing makes many short-lived objects.
        resourceLimits: { maxYoungGenerationSizeMb: 64 },
      });
      worker.unref();
      // Errors are handled by the stall fallback in collect(); this keeps them from crashing the process.
      worker.on('error', () => {});
      workers.push({ worker, results: port1 });
    }
  } catch {
    // No workers at all: every job runs inline in collect().
  }

  const jobs: BodyJob[] = [];
  const sent: boolean[] = [];
  let sentCount = 0;
  let byWorkers = 0;
  let here = 0;
  return {
    submit(job) {
      const id = jobs.push(job) - 1;
      const target = workers[id % Math.max(1, workers.length)];
      if (!target) return;
      try {
        target.worker.postMessage({ id, ...job } satisfies BodyTask);
        sent[id] = true;
        sentCount++;
      } catch {
        // Left for collect() to run inline.
      }
    },
    collect() {
      const analyses: (BodyAnalysis | undefined)[] = new Array(jobs.length);
      let remaining = sentCount;
      let lastProgress = performance.now();
      let last = Math.min(jobs.length, CLAIMABLE) - 1;
      while (remaining > 0 && performance.now() - lastProgress < stallMs) {
        const seen = Atomics.load(signal, 0);
        let progressed = false;
        for (const { results } of workers) {
          for (let received = receiveMessageOnPort(results); received; received = receiveMessageOnPort(results)) {
            const result = received.message as BodyTaskResult;
            // A job that failed in a worker is rerun below, where its error surfaces as it would inline.
            if ('analysis' in result) {
              analyses[result.id] = result.analysis;
              byWorkers++;
            }
            remaining--;
            progressed = true;
          }
        }
        // A job no worker has claimed yet is done here; the worker it was sent to skips it.
        while (!progressed && last >= 0) {
          const id = last--;
          if (!sent[id] || Atomics.compareExchange(claims, id, 0, 1) !== 0) continue;
          const job = jobs[id]!;
          analyses[id] = analyzeBody(job.body, job.format, job.lineOffset, job.options);
          here++;
          remaining--;
          progressed = true;
        }
        if (progressed) lastProgress = performance.now();
        else Atomics.wait(signal, 0, seen, 250);
      }
      // Anything not done by a worker (error, stall, never sent) is done here.
      return jobs.map((job, i) => {
        if (analyses[i]) return analyses[i];
        here++;
        return analyzeBody(job.body, job.format, job.lineOffset, job.options);
      });
    },
    done: () => ({ byWorkers, here }),
    close() {
      for (const { worker, results } of workers) {
        results.close();
        void worker.terminate();
      }
    },
  };
}
