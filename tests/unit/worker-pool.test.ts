import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { workerEnvironment } from '../../src/pipeline/cards/pool.ts';
import { runInWorkers } from '../../src/util/worker-pool.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'briefing-pool-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a worker process gets the variables the pool adds, and the rest of the environment', async () => {
  const worker = path.join(dir, 'env-worker.mjs');
  // Answers each task with the value of the variable it names, as serveTasks would.
  writeFileSync(worker, "process.on('message', (task) => process.send({ id: task.id, ok: true, value: process.env[task.name] ?? null }));\n");
  const tasks = [{ name: 'BRIEFING_POOL_TEST' }, { name: 'PATH' }];
  const values = await runInWorkers<{ name: string }, string | null>(pathToFileURL(worker), tasks, { processes: true, threads: 1, env: { BRIEFING_POOL_TEST: 'added' } });
  expect(values).toEqual(['added', process.env.PATH]);
  const without = await runInWorkers<{ name: string }, string | null>(pathToFileURL(worker), tasks.slice(0, 1), { processes: true, threads: 1 });
  expect(without).toEqual([null]);
});

test('card workers keep freed memory for a second, unless the user chose otherwise', () => {
  expect(workerEnvironment({})).toEqual({ MIMALLOC_PURGE_DELAY: '1000' });
  expect(workerEnvironment({ MIMALLOC_PURGE_DELAY: '0' })).toEqual({});
});
