/**
 * The resolve stage: checks every reference between files and builds the site's
 * indexes, in one pass over the corpus and linear in its size (every lookup is
 * a map). Each part lives in its own file: actors.ts, briefing.ts,
 * relations-check.ts (position references and `follows`), record-checks.ts
 * (`formerly`, `withdrawn`, `corrections`), warnings.ts, glyph-coverage.ts (characters no card font draws), and
 * indexes.ts; relations.ts derives chains, timelines and the stance grid for views.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { LoadedBriefing, LoadedContent } from '../load/load-content.ts';
import type { Briefing, Position, PositionId, SiteModel } from '../model.ts';
import { resolveActors } from './actors.ts';
import { resolveBriefing, type PendingFollows, type PositionRef } from './briefing.ts';
import { checkFormerIds, checkRecordDates } from './record-checks.ts';
import { buildIndexes } from './indexes.ts';
import { checkPositionRefs, resolveFollows } from './relations-check.ts';
import { rejectedIds } from './rejected.ts';
import { warnUncoveredCharacters } from './glyph-coverage.ts';
import { createReport, type Report } from './report.ts';
import { dueAt, isDue, scheduleOf, type Schedule } from './schedule.ts';
import { warnSharedNames, warnUnreferencedActors } from './warnings.ts';

export interface ResolveOptions {
  /** Drafts are part of the site in `astro dev` and absent from `astro build`. */
  includeDrafts: boolean;
  /** YYYY-MM-DD of "today", for refusing positions dated in the future. */
  today: string;
  /** The moment the site is built for: briefings not yet due are held back (schedule.ts). */
  now: Date;
  /** Warn about sources without an archived copy. */
  requireArchived?: boolean;
}

export interface ResolveResult {
  model: SiteModel;
  diagnostics: Diagnostic[];
  schedule: Schedule;
}

export function resolveSite(content: LoadedContent, options: ResolveOptions): ResolveResult {
  const report = createReport();
  const referencedActors = new Set<string>();
  const isPublished = (b: LoadedBriefing) => options.includeDrafts || (!b.data.draft && isDue(b.data, options.now));
  const published = content.briefings.filter(isPublished);
  const unpublished = content.briefings.filter((b) => !isPublished(b));
  const draftPositionIds = new Set(unpublished.flatMap((b) => b.data.positions.map((p) => p.id)));

  const rejected = rejectedIds(content.rejected);
  const actors = resolveActors(content.actors, report, referencedActors, rejected.actors);
  const actorById = new Map(actors.map((a) => [a.id, a]));
  checkUniquePositionIds(content.briefings, report);
  checkFormerIds(content, report);

  const context = { report, actorFiles: new Map(content.actors.map((a) => [a.id, a])), referencedActors, today: options.today, requireArchived: options.requireArchived ?? false, rejectedActors: rejected.actors };
  const briefings: Briefing[] = [];
  const positionById = new Map<PositionId, Position>();
  const positionRefs: PositionRef[] = [];
  const follows: PendingFollows[] = [];
  for (const entry of published) {
    checkRecordDates(entry, options.today, report);
    // A briefing scheduled for later may quote what is said up to its own date.
    const due = isDue(entry.data, options.now);
    const resolved = resolveBriefing(entry, due ? context : { ...context, today: entry.data.date > options.today ? entry.data.date : options.today });
    if (!due && !entry.data.draft) resolved.briefing.scheduledFor = dueAt(entry.data).toISOString();
    briefings.push(resolved.briefing);
    for (const position of resolved.briefing.positions) if (!positionById.has(position.id)) positionById.set(position.id, position);
    positionRefs.push(...resolved.positionRefs);
    follows.push(...resolved.follows);
  }
  const otherPositions = { drafts: draftPositionIds, rejected: rejected.positions };
  checkPositionRefs(positionRefs, positionById, otherPositions, report);
  resolveFollows(follows, positionById, otherPositions, report);

  // Whether an actor is referenced cannot be told while a briefing's frontmatter is unreadable.
  if (!rejected.unreadable) {
    for (const id of rejected.actorRefs) referencedActors.add(id);
    warnUnreferencedActors(content.actors, referencedActors, unpublished, report);
  }
  warnSharedNames(content.actors, report);
  warnUncoveredCharacters(content, report);
  return { model: buildIndexes(actors, actorById, briefings, positionById), diagnostics: report.diagnostics, schedule: scheduleOf(content.briefings, options.now) };
}

/**
 * Position ids are permalinks: unique across the whole site, drafts included,
 * so publishing a draft later can never break an existing link.
 */
function checkUniquePositionIds(briefings: LoadedBriefing[], report: Report): void {
  const homes = new Map<string, { briefing: LoadedBriefing; index: number }>();
  const idAt = (briefing: LoadedBriefing, index: number) => briefing.parsed.locate(['positions', index, 'id']);
  for (const briefing of briefings) {
    briefing.data.positions.forEach((position, i) => {
      const first = homes.get(position.id);
      if (!first) return void homes.set(position.id, { briefing, index: i });
      const firstLine = idAt(first.briefing, first.index).line;
      report.error(briefing.file, idAt(briefing, i), 'duplicate-position-id', `position id "${position.id}" is already used at ${first.briefing.file}:${firstLine}; position ids are permalinks and must be unique across the site`);
    });
  }
}
