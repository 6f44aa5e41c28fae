/**
 * Worker thread of body-pool.ts: analyzes the briefing bodies it is sent and
 * posts each analysis on its own port, then bumps the shared counter so the
 * main thread, blocked in `collect()`, wakes up.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { analyzeBody } from './analyze-body.ts';
import type { BodyJob } from './load-content.ts';

export interface BodyTask extends BodyJob {
  id: number;
}
export type BodyTaskResult = { id: number; analysis: ReturnType<typeof analyzeBody> } | { id: number; error: string };

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

parentPort!.on('message', (task: BodyTask) => {
  let result: BodyTaskResult;
  try {
    result = { id: task.id, analysis: analyzeBody(task.body, task.format, task.lineOffset, task.options) };
  } catch (error) {
    result = { id: task.id, error: (error as Error)?.stack ?? String(error) };
  }
  port.postMessage(result);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
