/**
 * One published briefing: its sources numbered, its positions and actors
 * checked against the site, its body's components resolved. References to
 * positions (which may be in any briefing) are collected for the caller to
 * check once every position is known.
 */
import type { ActorData } from '../../schemas/actor.ts';
import { didYouMean } from '../../util/suggest.ts';
import type { LoadedBriefing, LoadedFile } from '../load/load-content.ts';
import type { ActorId, Briefing, BriefingSlug, Position, PositionId, Source, SourceId, TopicSlug } from '../model.ts';
import { latestCorrection, newestFirst } from './record-checks.ts';
import type { Report, Where } from './report.ts';

const WORDS_PER_MINUTE = 230;

export interface BriefingContext {
  report: Report;
  actorFiles: ReadonlyMap<string, LoadedFile<ActorData>>;
  /** Actors something refers to; the rest get an "unreferenced" warning. */
  referencedActors: Set<string>;
  /** YYYY-MM-DD of "today", for refusing positions dated in the future. */
  today: string;
  /** Warn about sources without an archived copy (REQUIRE_ARCHIVED_SOURCES=1). */
  requireArchived: boolean;
  /** Ids of actor files that failed to load: their error is reported there, not at each reference. */
  rejectedActors: ReadonlySet<string>;
}

/** A `<Position id>` in a body, checked once all positions are known. */
export interface PositionRef {
  briefing: LoadedBriefing;
  id: string;
  where: Where;
}

/** A position with `follows`, checked once all positions are known. */
export interface PendingFollows {
  briefing: LoadedBriefing;
  index: number;
  position: Position;
}

export interface ResolvedBriefing {
  briefing: Briefing;
  positionRefs: PositionRef[];
  follows: PendingFollows[];
}

const laterThan = (date: string, other: string | undefined) => (other !== undefined && other > date ? other : undefined);

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

export function resolveBriefing(entry: LoadedBriefing, context: BriefingContext): ResolvedBriefing {
  const { report, actorFiles } = context;
  const { data } = entry;
  const located = (path: PropertyKey[]) => entry.parsed.locate(path);
  if (data.updated && data.updated < data.date) {
    report.error(entry.file, located(['updated']), 'updated-before-date', `"updated" (${data.updated}) is before "date" (${data.date})`);
  }
  const { sources, sourceIds } = numberSources(entry, report, context);
  const citedSources = new Set<string>();
  // `where` is called only to report a problem: locating a YAML node costs more than the check.
  const checkSource = (id: string, where: () => Where, what: string) => {
    if (sourceIds.has(id)) citedSources.add(id);
    else report.error(entry.file, where(), 'unknown-source', `${what}: unknown source id "${id}"${didYouMean(id, sourceIds)}; this briefing's sources are: ${[...sourceIds].join(', ') || '(none)'}`);
  };
  /** True when `id` is a loaded actor; reports an unknown id, and stays silent about an actor whose own file failed. */
  const checkActor = (id: string, where: () => Where, what: string) => {
    if (actorFiles.has(id)) context.referencedActors.add(id);
    else if (!context.rejectedActors.has(id)) report.error(entry.file, where(), 'unknown-actor', `${what}: unknown actor id "${id}"${didYouMean(id, actorFiles.keys())}`);
    return actorFiles.has(id);
  };
  const involved: ActorId[] = [];
  const involve = (id: string) => {
    if (actorFiles.has(id) && !involved.includes(id as ActorId)) involved.push(id as ActorId);
  };

  const positions: Position[] = [];
  const follows: PendingFollows[] = [];
  const latestAllowed = data.updated ?? data.date;
  data.positions.forEach((raw, i) => {
    const ok = checkActor(raw.actor, () => located(['positions', i, 'actor']), `positions.${i}.actor`);
    const refs = raw.sources.map((ref) => (typeof ref === 'string' ? { id: ref } : ref));
    refs.forEach((ref, j) => checkSource(ref.id, () => located(['positions', i, 'sources', j]), `positions.${i}.sources`));
    if (raw.date && raw.date > latestAllowed) {
      report.error(entry.file, located(['positions', i, 'date']), 'position-after-briefing', `position "${raw.id}" is dated ${raw.date}, after the briefing's ${data.updated ? 'update' : 'date'} (${latestAllowed})`);
    } else if (raw.date && raw.date > context.today) {
      report.error(entry.file, located(['positions', i, 'date']), 'position-in-future', `position "${raw.id}" is dated ${raw.date}, in the future`);
    }
    // A position whose actor is unknown stays in the model, marked: what points at it
    // (`<Position id>`, `follows`) then resolves, and the one mistake is reported once.
    if (ok) involve(raw.actor);
    const position: Position = {
      id: raw.id as PositionId,
      actorId: raw.actor as ActorId,
      briefingSlug: entry.id as BriefingSlug,
      stance: raw.stance,
      quote: raw.quote,
      lang: raw.lang,
      translation: raw.translation,
      date: raw.date ?? data.date,
      role: raw.role ?? actorFiles.get(raw.actor)?.data.role,
      topic: raw.topic as TopicSlug | undefined,
      sourceIds: refs.map((ref) => ref.id as SourceId),
      pinpoints: Object.fromEntries(refs.filter((ref) => Object.keys(ref).length > 1).map(({ id, ...where }) => [id, where])),
      follows: raw.follows as PositionId | undefined,
      change: raw.change,
      followedBy: [],
      formerly: raw.formerly as PositionId[],
      withdrawn: raw.withdrawn ?? data.withdrawn,
      corrections: newestFirst(raw.corrections),
      ...(ok ? {} : { unresolved: true as const }),
    };
    for (const field of ['translation', 'lang'] as const) {
      if (raw[field] !== undefined && raw.quote === undefined) {
        report.error(entry.file, located(['positions', i, field]), `${field}-without-quote`, `position "${raw.id}" has "${field}" but no "quote": ${field === 'lang' ? 'the language tag is the quote\'s' : 'add the original words as "quote"'}`);
      }
    }
    if (raw.change && !raw.follows) {
      report.error(entry.file, located(['positions', i, 'change']), 'change-without-follows', `position "${raw.id}" has "change: ${raw.change}" but no "follows": name the earlier position it ${raw.change}`);
    }
    if (raw.follows) follows.push({ briefing: entry, index: i, position });
    positions.push(position);
  });

  data.actors.forEach((id, i) => {
    if (checkActor(id, () => located(['actors', i]), `actors.${i}`)) involve(id);
  });

  const embeds: PositionId[] = [];
  const positionRefs: PositionRef[] = [];
  for (const use of entry.analysis.uses) {
    const attribute = use.name === 'Cite' ? 'source' : 'id';
    if (use.ref === undefined) {
      const others = use.otherAttributes ?? [];
      const what = use.misspelledAs !== undefined
        ? `; it has ${use.misspelledAs}="…" (did you mean "${attribute}"?)`
        : others.length ? `; it has ${others.map((a) => `"${a}"`).join(', ')}, which ${others.length === 1 ? 'is' : 'are'} not used` : '';
      report.error(entry.file, use, 'component-missing-attribute', use.problem === 'expression'
        ? `<${use.name}> needs ${attribute}="…" written as a plain string`
        : `<${use.name}> needs ${article(attribute)} ${attribute}="…" attribute${what}`);
      continue;
    }
    if (use.name === 'Actor' && checkActor(use.ref, () => use, `<Actor id>`)) involve(use.ref);
    if (use.name === 'Cite') {
      checkSource(use.ref, () => use, '<Cite source>');
      const cited = sources.find((s) => s.id === use.ref);
      if (cited) cited.citeCount += 1;
    }
    if (use.name === 'Position') {
      positionRefs.push({ briefing: entry, id: use.ref, where: use });
      embeds.push(use.ref as PositionId);
    }
  }

  for (const source of sources) {
    if (!citedSources.has(source.id)) {
      report.warning(entry.file, located(['sources', source.number - 1, 'id']), 'uncited-source', `source "${source.id}" is never cited by a position or <Cite>`);
    }
  }

  const briefing: Briefing = {
    slug: entry.id as BriefingSlug,
    title: data.title,
    summary: data.summary,
    date: data.date,
    // A corrected briefing (or one of its positions) is updated on the latest note's day unless it says otherwise.
    updated: data.updated ?? laterThan(data.date, latestCorrection([...data.corrections, ...data.positions.flatMap((p) => p.corrections)])),
    authors: data.authors,
    topics: [...new Set(data.topics)] as TopicSlug[],
    draft: data.draft,
    formerly: data.formerly as BriefingSlug[],
    withdrawn: data.withdrawn,
    corrections: newestFirst(data.corrections),
    actorIds: involved,
    sources,
    positions,
    embeds,
    format: entry.format,
    file: entry.file,
    body: entry.body,
    usesCode: entry.analysis.usesCode,
    wordCount: entry.analysis.wordCount,
    readingMinutes: Math.max(1, Math.round(entry.analysis.wordCount / WORDS_PER_MINUTE)),
  };
  return { briefing, positionRefs, follows };
}

/** Sources: unique ids within the briefing, numbered in listed order. */
function numberSources(entry: LoadedBriefing, report: Report, { today, requireArchived }: BriefingContext): { sources: Source[]; sourceIds: Set<string> } {
  const sources: Source[] = [];
  const sourceIds = new Set<string>();
  entry.data.sources.forEach((source, i) => {
    if (sourceIds.has(source.id)) {
      report.error(entry.file, entry.parsed.locate(['sources', i, 'id']), 'duplicate-source-id', `source id "${source.id}" is listed twice in this briefing`);
      return;
    }
    sourceIds.add(source.id);
    if (source.accessed && source.accessed > today) {
      report.error(entry.file, entry.parsed.locate(['sources', i, 'accessed']), 'accessed-in-future', `sources.${i}.accessed (${source.accessed}) is in the future`);
    }
    if (requireArchived && !source.archived) {
      report.warning(entry.file, entry.parsed.locate(['sources', i, 'url']), 'source-not-archived', `source "${source.id}" has no "archived" copy; save the page (Wayback Machine, Perma.cc) and add its URL, so readers can still open it when the original moves`);
    }
    sources.push({ ...source, id: source.id as SourceId, number: sources.length + 1, citeCount: 0 });
  });
  return { sources, sourceIds };
}
