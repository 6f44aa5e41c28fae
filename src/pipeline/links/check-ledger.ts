/**
 * The links stage: every URL in the ledger must still answer, as a page, a
 * redirect (`formerly`), a withdrawn item's page or a removal notice. A URL that
 * would turn into a 404 is an error naming the URL and the fix, so no edit,
 * rename or deletion breaks a published link without the build saying so first.
 */
import path from 'node:path';
import { didYouMean } from '../../util/suggest.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { ActorId, PositionId, SiteLinks, SiteModel } from '../model.ts';
import { LEDGER_FILE, REMOVED_FILE, parseLedger, parseRemoved, readLedger, readRemoved, type LedgerLine, type ParseProblem } from './ledger-files.ts';
import { publishedUrls } from './published-urls.ts';
import { redirectsOf } from './redirects.ts';

/** The page of one briefing, actor, position or topic. */
const ITEM_PAGE = /^\/(briefings|actors|positions|topics)\/[^/]+\/$/;

export interface LedgerCheck {
  diagnostics: Diagnostic[];
  /** The ledger's URLs as read, to be kept when the build writes it anew. */
  known: string[];
  links: SiteLinks;
}

export function checkLedger(model: SiteModel, contentDir: string, root: string): LedgerCheck {
  const relative = (name: string) => path.relative(root, path.join(contentDir, name)).split(path.sep).join('/');
  const diagnostics: Diagnostic[] = [];
  const problem = (file: string, code: string) => (p: ParseProblem) =>
    diagnostics.push({ severity: 'error', code, file: relative(file), line: p.line, column: 1, message: p.message });

  const ledger = parseLedger(readLedger(contentDir) ?? '');
  const removed = parseRemoved(readRemoved(contentDir) ?? '');
  ledger.problems.forEach(problem(LEDGER_FILE, 'bad-ledger-line'));
  removed.problems.forEach(problem(REMOVED_FILE, 'bad-removed-line'));

  // The published URLs include the former ones that redirect.
  const published = new Set(publishedUrls(model));
  const answering = new Set([...published, ...removed.removed.map((r) => r.path)]);
  // An item's page removed on purpose takes its own card, feeds and anchors with it, and a removed
  // position its anchors on other pages; nothing else (listing "/briefings/" removes no briefing).
  const removedItems = new Set(removed.removed.map((r) => r.path).filter((p) => ITEM_PAGE.test(p)));
  const removedPositions = new Set([...removedItems].map((p) => /^\/positions\/([^/]+)\/$/.exec(p)?.[1]).filter(Boolean));
  const removedOnPurpose = (url: string) => {
    const [page = '', fragment] = url.split('#');
    const item = /^(\/[a-z]+\/[^/]+\/)(?:og\.png|rss\.xml|feed\.json)?$/.exec(page)?.[1];
    return (item !== undefined && removedItems.has(item)) || (fragment !== undefined && removedPositions.has(fragment));
  };
  const redirectTo = new Map(redirectsOf(model).map((r) => [r.from, r.to]));
  const owner = positionOwners(model);
  const movedAway = new Map<string, { fragment: string; positionId: PositionId }[]>();

  for (const entry of ledger.urls) {
    if (answering.has(entry.path) || removedOnPurpose(entry.path)) continue;
    const [page = '', fragment] = entry.path.split('#');
    const target = answering.has(page) ? (redirectTo.get(page) ?? page) : undefined;
    const position = fragment === undefined ? undefined : owner.get(fragment);
    if (target && position) {
      // The old id lands on the renamed position, on its page or the page it moved to.
      if (target === `/actors/${position.actorId}/` || target === `/briefings/${position.briefingSlug}/`) continue;
      // The position is now another actor's, or in another briefing: the old page says where, at the old fragment.
      if (/^\/(actors|briefings)\/[^/]+\/$/.test(target) && published.has(target)) {
        movedAway.set(target, [...(movedAway.get(target) ?? []), { fragment: fragment!, positionId: position.id }]);
        continue;
      }
    }
    diagnostics.push({ severity: 'error', code: 'unpublished-url', file: relative(LEDGER_FILE), line: entry.line, column: 1, message: lostUrlMessage(entry, model, relative(REMOVED_FILE)) });
  }
  return {
    diagnostics,
    known: ledger.urls.map((u) => u.path),
    links: { removed: removed.removed.map(({ path: url, reason }) => ({ path: url, reason })), movedAway },
  };
}

/** Each position by its id and by every id it had before. */
function positionOwners(model: SiteModel) {
  const owners = new Map<string, { id: PositionId; actorId: ActorId; briefingSlug: string }>();
  for (const p of model.positionById.values()) for (const id of [p.id, ...p.formerly]) owners.set(id, p);
  return owners;
}

const KINDS = [
  { pattern: /^\/positions\/([^/]+)\//, noun: 'position', ids: (m: SiteModel) => m.positionById.keys() },
  { pattern: /^\/briefings\/([^/]+)\//, noun: 'briefing', ids: (m: SiteModel) => m.briefings.map((b) => b.slug) },
  { pattern: /^\/actors\/([^/]+)\//, noun: 'actor', ids: (m: SiteModel) => m.actors.map((a) => a.id) },
  { pattern: /^\/topics\/([^/]+)\//, noun: 'topic', ids: (m: SiteModel) => m.topics.map((t) => t.slug) },
] as const;

/** What was lost and how to keep it: the likely new id when there is one near, else the three ways. */
function lostUrlMessage(entry: LedgerLine, model: SiteModel, removedFile: string): string {
  const url = entry.path;
  const lost = `${url} was published and would stop answering (a 404 for everyone who linked to it)`;
  const [page = '', fragment] = url.split('#');
  if (fragment !== undefined) {
    const near = didYouMean(fragment, model.positionById.keys());
    return `${lost}: position "${fragment}" is not on ${page}${near}; if it was renamed, add "formerly: [${fragment}]" to it; ` +
      `if it was taken back, keep it with "withdrawn: {date, reason}"; if it was removed on purpose, list /positions/${fragment}/ in ${removedFile} with a reason`;
  }
  const kind = KINDS.find((k) => k.pattern.test(page));
  if (!kind) return `${lost}; list it in ${removedFile} with a reason if it was removed on purpose`;
  const id = kind.pattern.exec(page)![1]!;
  const fixes = kind.noun === 'topic'
    ? `no briefing or position uses topic "${id}" any more; list ${page} in ${removedFile} with a reason`
    : `if the ${kind.noun} was renamed${didYouMean(id, kind.ids(model))}, add "formerly: [${id}]" to it; ` +
      `${kind.noun === 'actor' ? '' : 'if it was taken back, restore its file with "withdrawn: {date, reason}"; '}` +
      `if it was removed on purpose, list ${page} in ${removedFile} with a reason`;
  return `${lost}: ${fixes}`;
}
