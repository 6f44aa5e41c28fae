import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Schedule } from '../pipeline/resolve/schedule.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';

/** Where a build leaves its schedule, for a scheduled CI job to read (docs/deploy.md). */
export const SCHEDULE_FILE = 'briefing-schedule.json';

/**
 * Says which briefing is due next and writes it beside the build's other caches,
 * so a job that runs every few minutes can rebuild only once something is due.
 */
export function reportSchedule(schedule: Schedule, cacheDir: string, logger: AstroIntegrationLogger): void {
  if (schedule.next) {
    logger.info(`scheduled: ${schedule.heldBack} held back; next due ${schedule.next.due} (${schedule.next.file})`);
  }
  const report = { heldBack: schedule.heldBack, nextDue: schedule.next?.due ?? null, next: schedule.next ?? null };
  writeFileAtomic(path.join(cacheDir, SCHEDULE_FILE), `${JSON.stringify(report, null, 2)}\n`);
}
