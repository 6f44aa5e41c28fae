/**
 * The fields that keep the record: `formerly` (published URLs keep answering),
 * `withdrawn` and `corrections`. A former id must be free (no current item of
 * its kind uses it), must not be the item's own id, and can lead to one place
 * only; withdrawals and corrections are dated between the item's date and today.
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

/**
 * Withdrawals and corrections are dated between the item's own date and today,
 * and an explicit `updated` is not earlier than the latest correction.
 */
export function checkRecordDates(briefing: LoadedBriefing, today: string, report: Report): void {
  const { data } = briefing;
  const check = (date: string, itemDate: string, path: PropertyKey[], field: string, what: string, code: string) => {
    const where = () => briefing.parsed.locate([...path, 'date']);
    if (date < itemDate) report.error(briefing.file, where(), `${code}-before-date`, `${field}.date (${date}) is before the ${what}'s date (${itemDate})`);
    else if (date > today) report.error(briefing.file, where(), `${code}-in-future`, `${field}.date (${date}) is in the future`);
  };
  const item = (record: { withdrawn?: { date: string }; corrections: { date: string }[] }, itemDate: string, path: PropertyKey[], what: string) => {
    if (record.withdrawn) check(record.withdrawn.date, itemDate, [...path, 'withdrawn'], 'withdrawn', what, 'withdrawn');
    record.corrections.forEach((c, i) => check(c.date, itemDate, [...path, 'corrections', i], `corrections.${i}`, what, 'correction'));
  };
  item(data, data.date, [], 'briefing');
  data.positions.forEach((position, i) => item(position, position.date ?? data.date, ['positions', i], 'position'));
  const latest = latestCorrection([...data.corrections, ...data.positions.flatMap((p) => p.corrections)]);
  if (data.updated && latest && data.updated < latest) {
    report.error(briefing.file, briefing.parsed.locate(['updated']), 'updated-before-correction', `"updated" (${data.updated}) is before the latest correction (${latest}); leave "updated" out and it follows the corrections`);
  }
}

/** The date of the newest note on the record, if any. */
export const latestCorrection = (corrections: readonly { date: string }[]): string | undefined =>
  corrections.reduce<string | undefined>((latest, c) => (latest === undefined || c.date > latest ? c.date : latest), undefined);

/** Newest first; notes of one day in the order they were written. */
export const newestFirst = <T extends { date: string }>(corrections: readonly T[]): T[] =>
  corrections.map((c, i) => ({ c, i })).sort((a, b) => (a.c.date < b.c.date ? 1 : a.c.date > b.c.date ? -1 : a.i - b.i)).map(({ c }) => c);
