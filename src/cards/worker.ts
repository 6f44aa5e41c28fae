/** Worker thread: renders the cards it is sent and writes each PNG to its cache file. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { CardContent } from './layout.ts';
import { renderCardPng } from './render.ts';

export interface CardTask {
  id: number;
  content: CardContent;
  file: string;
}
export type CardResult = { id: number; ok: true; bytes: number } | { id: number; ok: false; error: string };

parentPort!.on('message', async (task: CardTask) => {
  try {
    const png = await renderCardPng(task.content);
    mkdirSync(path.dirname(task.file), { recursive: true });
    // Write then rename, so a crash never leaves a half-written card under a valid key.
    const temporary = `${task.file}.${process.pid}.${task.id}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, task.file);
    parentPort!.postMessage({ id: task.id, ok: true, bytes: png.length } satisfies CardResult);
  } catch (error) {
    parentPort!.postMessage({ id: task.id, ok: false, error: (error as Error).stack ?? String(error) } satisfies CardResult);
  }
});
