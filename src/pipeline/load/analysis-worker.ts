/**
 * Worker thread of analysis-pool.ts: analyzes the briefing bodies it is sent (but
 * those the main thread has claimed meanwhile) and posts each analysis on its own
 * port, then bumps the shared counter so the main thread, blocked in `collect()`,
 * wakes up.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { analyzeBody } from './analyze-body.ts';
import type { BodyJob } from './load-content.ts';

export interface BodyTask extends BodyJob {
  id: number;
}
export type BodyTaskResult = { id: number; analysis: ReturnType<typeof analyzeBody> } | { id: number; error: string };

const { port, signal, claims } = workerData as { port: MessagePort; signal: Int32Array; claims: Int32Array };

parentPort!.on('message', (task: BodyTask) => {
  // Claimed by the main thread while it waited (analysis-pool.ts): it has done this one.
  if (task.id < claims.length && Atomics.compareExchange(claims, task.id, 0, 1) !== 0) return;
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
