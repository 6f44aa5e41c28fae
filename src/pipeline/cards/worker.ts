/** Card worker process (see util/worker-pool.ts; pipeline/cards/pool.ts starts them as processes): renders the cards it is sent and writes each PNG to its cache file. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { serveTasks } from '../../util/worker-pool.ts';
import type { RenderRequest } from './pool.ts';
import { renderCardPng } from './render.ts';

// One worker per core already (pool.ts): more libvips threads per card would only
// compete with the other worker. No card is rendered twice, so libvips' operation cache
// would only hold memory.
sharp.concurrency(1);
sharp.cache(false);

/** Renders one card; the reply is the PNG's size in bytes. */
serveTasks<RenderRequest & { id: number }, number>(async (task) => {
  const png = await renderCardPng(task.content);
  mkdirSync(path.dirname(task.file), { recursive: true });
  // Write then rename, so a crash never leaves a half-written card under a valid key.
  const temporary = `${task.file}.${process.pid}.${task.id}.tmp`;
  writeFileSync(temporary, png);
  renameSync(temporary, task.file);
  return png.length;
});
