/**
 * `formerly` and `withdrawn`: the fields that keep published URLs answering. A
 * former id must be free (no current item of its kind uses it), must not be
 * the item's own id, and can lead to one place only.
 */
import type { LoadedBriefing, LoadedContent } from '../load/load-content.ts';
import type { Report, Where } from './report.ts';

type Kind = 'briefing' | 'actor' | 'position';

interface Claim {
  kind: Kind;
  id: string;
  former: string;
  file: string;
  where: () => Where;
}

const NOUN: Record<Kind, string> = { briefing: 'slug', actor: 'id', position: 'id' };

function claimsOf(content: LoadedContent): Claim[] {
  const claims: Claim[] = [];
  for (const entry of content.actors) {
    entry.data.formerly.forEach((former, i) => claims.push({ kind: 'actor', id: entry.id, former, file: entry.file, where: () => entry.parsed.locate(['formerly', i]) }));
  }
  for (const entry of content.briefings) {
    entry.data.formerly.forEach((former, i) => claims.push({ kind: 'briefing', id: entry.id, former, file: entry.file, where: () => entry.parsed.locate(['formerly', i]) }));
    entry.data.positions.forEach((position, j) => {
      position.formerly.forEach((former, i) =>
        claims.push({ kind: 'position', id: position.id, former, file: entry.file, where: () => entry.parsed.locate(['positions', j, 'formerly', i]) }));
    });
  }
  return claims;
}

/** Checks every `formerly` of the corpus, drafts included: a draft published later must not take a URL that redirects. */
export function checkFormerIds(content: LoadedContent, report: Report): void {
  const current: Record<Kind, Map<string, string>> = {
    actor: new Map(content.actors.map((a) => [a.id, a.file])),
    briefing: new Map(content.briefings.map((b) => [b.id, b.file])),
    position: new Map(content.briefings.flatMap((b) => b.data.positions.map((p) => [p.id, b.file] as const))),
  };
  const claimed = new Map<string, Claim>();
  for (const claim of claimsOf(content)) {
    const { kind, id, former, file } = claim;
    const noun = NOUN[kind];
    const user = current[kind].get(former);
    const first = claimed.get(`${kind}:${former}`);
    if (former === id) {
      report.error(file, claim.where(), 'former-id-is-current', `formerly: "${former}" is this ${kind}'s own ${noun}; list only the ${noun}s it was published under before`);
    } else if (user !== undefined) {
      report.error(file, claim.where(), 'former-id-in-use', `formerly: "${former}" is the ${noun} of ${kind === 'actor' ? 'an' : 'a'} ${kind} in ${user}, which is published under it; a former ${noun} must be free`);
    } else if (first) {
      report.error(file, claim.where(), 'former-id-claimed-twice', `formerly: "${former}" is already claimed by ${first.kind} "${first.id}" at ${first.file}:${first.where().line}; one former URL can lead to one place only`);
    } else {
      claimed.set(`${kind}:${former}`, claim);
    }
  }
}

/** A withdrawal is dated between the item's own date and today. */
export function checkWithdrawals(briefing: LoadedBriefing, today: string, report: Report): void {
  const { data } = briefing;
  const check = (withdrawn: { date: string } | undefined, itemDate: string, path: PropertyKey[], what: string) => {
    if (!withdrawn) return;
    const where = () => briefing.parsed.locate([...path, 'withdrawn', 'date']);
    if (withdrawn.date < itemDate) {
      report.error(briefing.file, where(), 'withdrawn-before-date', `withdrawn.date (${withdrawn.date}) is before the ${what}'s date (${itemDate})`);
    } else if (withdrawn.date > today) {
      report.error(briefing.file, where(), 'withdrawn-in-future', `withdrawn.date (${withdrawn.date}) is in the future`);
    }
  };
  check(data.withdrawn, data.date, [], 'briefing');
  data.positions.forEach((position, i) => check(position.withdrawn, position.date ?? data.date, ['positions', i], 'position'));
}
