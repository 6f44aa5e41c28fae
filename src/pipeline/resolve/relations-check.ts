/**
 * References to positions, checked once every published position is known:
 * `<Position id>` in bodies may quote any briefing's position, and `follows`
 * links one position to an earlier one of the same actor.
 */
import { didYouMean } from '../../util/suggest.ts';
import type { Position, PositionId } from '../model.ts';
import type { PendingFollows, PositionRef } from './briefing.ts';
import { compareCodeUnits, type Report } from './report.ts';

/**
 * Positions that exist outside the published model: those of drafts (pointing at one is an
 * error of its own), and those of briefings that failed to load (already reported there,
 * so pointing at one is not reported again).
 */
export interface OtherPositions {
  drafts: ReadonlySet<string>;
  rejected: ReadonlySet<string>;
}

export function checkPositionRefs(refs: PositionRef[], positionById: ReadonlyMap<PositionId, Position>, others: OtherPositions, report: Report): void {
  const draftPositionIds = others.drafts;
  for (const ref of refs) {
    if (positionById.has(ref.id as PositionId) || others.rejected.has(ref.id)) continue;
    const why = draftPositionIds.has(ref.id)
      ? `<Position id>: position "${ref.id}" belongs to a draft briefing and will not be published`
      : `<Position id>: unknown position id "${ref.id}"${didYouMean(ref.id, positionById.keys())}`;
    report.error(ref.briefing.file, ref.where, 'unknown-position', why);
  }
}

/**
 * `follows` links a position to an earlier one of the same actor. The links must
 * point at a published position, of the same actor, strictly earlier in time,
 * and never loop; valid links are recorded both ways (follows / followedBy).
 */
export function resolveFollows(
  pending: PendingFollows[],
  positionById: Map<PositionId, Position>,
  others: OtherPositions,
  report: Report,
): void {
  const draftPositionIds = others.drafts;
  const valid = new Map<PositionId, PositionId>();
  for (const { briefing, index, position } of pending) {
    const target = position.follows!;
    const where = () => briefing.parsed.locate(['positions', index, 'follows']);
    const earlier = positionById.get(target);
    // An unresolved actor (reported at its position) cannot be compared with another.
    const actorsComparable = !earlier?.unresolved && !position.unresolved;
    if (!earlier && others.rejected.has(target)) {
      // The target's briefing failed to load; that is the error, reported there.
    } else if (!earlier) {
      report.error(briefing.file, where(), 'unknown-follows', draftPositionIds.has(target)
        ? `follows: position "${target}" belongs to a draft briefing and will not be published`
        : `follows: unknown position id "${target}"${didYouMean(target, positionById.keys())}`);
    } else if (earlier.id === position.id) {
      report.error(briefing.file, where(), 'follows-cycle', `position "${position.id}" follows itself`);
    } else if (actorsComparable && earlier.actorId !== position.actorId) {
      report.error(briefing.file, where(), 'follows-other-actor', `follows: position "${target}" is ${earlier.actorId}'s, not ${position.actorId}'s; a position can only follow the same actor's earlier position`);
    } else if (earlier.date >= position.date) {
      report.error(briefing.file, where(), 'follows-not-earlier', `follows: position "${target}" is dated ${earlier.date}, not earlier than this position (${position.date})`);
    } else {
      valid.set(position.id, earlier.id);
      continue;
    }
    position.follows = undefined;
    position.change = undefined;
  }
  // Dates already rule out loops among valid links; this guards the invariant pages rely on.
  // Each link is walked once: a walk stops where an earlier walk already found no loop.
  const loopFree = new Set<PositionId>();
  for (const start of valid.keys()) {
    const path = new Set<PositionId>();
    for (let at: PositionId | undefined = start; at && !loopFree.has(at); at = valid.get(at)) {
      if (path.has(at)) throw new Error(`Position relations loop through "${at}"`);
      path.add(at);
    }
    for (const id of path) loopFree.add(id);
  }
  const ordered = [...valid.entries()].sort(([a], [b]) => compareCodeUnits(positionById.get(a)!.date, positionById.get(b)!.date) || compareCodeUnits(a, b));
  for (const [later, earlier] of ordered) positionById.get(earlier)!.followedBy.push(later);
}

