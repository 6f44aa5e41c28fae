/** Worker thread (see util/worker-pool.ts): empties the output and links the cached pages into it (page-cache.ts). */
import { serveTasks } from '../../util/worker-pool.ts';
import { emptyOutput, linkCachedPages, type PreparedOutput } from './page-cache.ts';

serveTasks<{ cacheDir: string; outDir: string }, PreparedOutput>(({ cacheDir, outDir }) => {
  const emptied = emptyOutput(outDir);
  const { linked, discarded } = linkCachedPages(cacheDir, outDir);
  return { emptied, linked: [...linked], discarded };
});
