/**
 * The publishing schedule. A briefing is due at its `publish` moment, or at the
 * start (UTC) of its `date` when it has none, so a briefing dated next week waits
 * for next week. Until it is due, `npm run build` treats it as a draft; the dev
 * server shows it, marked "scheduled".
 */
import type { BriefingData } from '../../schemas/briefing.ts';

export function dueAt(data: Pick<BriefingData, 'date' | 'publish'>): Date {
  return new Date(data.publish ?? `${data.date}T00:00:00Z`);
}

export const isDue = (data: Pick<BriefingData, 'date' | 'publish'>, now: Date): boolean => dueAt(data).getTime() <= now.getTime();

/** What a build tells a scheduled CI job: how many briefings wait, and when the next is due. */
export interface Schedule {
  heldBack: number;
  next?: { slug: string; file: string; due: string };
}

export function scheduleOf(waiting: readonly { id: string; file: string; data: Pick<BriefingData, 'date' | 'publish' | 'draft'> }[], now: Date): Schedule {
  const held = waiting.filter((b) => !b.data.draft && !isDue(b.data, now));
  const next = held.map((b) => ({ slug: b.id, file: b.file, at: dueAt(b.data) })).sort((a, b) => a.at.getTime() - b.at.getTime() || (a.slug < b.slug ? -1 : 1))[0];
  return { heldBack: held.length, ...(next ? { next: { slug: next.slug, file: next.file, due: next.at.toISOString() } } : {}) };
}
