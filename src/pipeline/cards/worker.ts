/** Card worker process (see util/worker-pool.ts; pipeline/cards/pool.ts starts them as processes): renders the cards it is sent into the card cache. */
import sharp from 'sharp';
import { serveTasks } from '../../util/worker-pool.ts';
import type { RenderRequest } from './pool.ts';
import { renderCardPng } from './render.ts';
import { writeCardEntry } from './store.ts';

// For the cards librsvg draws (raster.ts hands it SVG it does not know): one worker
// per core already (pool.ts), so more libvips threads would only compete with the
// other worker; no card is rendered twice, so libvips' operation cache would only hold memory.
sharp.concurrency(1);
sharp.cache(false);

/** Renders one card; the reply is its cache entry's file. */
serveTasks<RenderRequest & { id: number }, string>(async (task) => writeCardEntry(task.cacheDir, task.key, await renderCardPng(task.content)));
