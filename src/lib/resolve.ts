import type { Diagnostic } from './diagnostics.ts';
import type { LoadedBriefing, LoadedContent, LoadedFile } from './content/load.ts';
import type { ActorData } from '../schemas/actor.ts';
import type {
  Actor, ActorId, Briefing, BriefingSlug, Position, PositionId, SiteModel, Source, SourceId, Topic, TopicSlug,
} from './model.ts';
import { didYouMean } from './suggest.ts';

export interface ResolveOptions {
  /** Drafts are part of the site in `astro dev` and absent from `astro build`. */
  includeDrafts: boolean;
  /** YYYY-MM-DD of "today", for refusing positions dated in the future. */
  today: string;
}

export interface ResolveResult {
  model: SiteModel;
  diagnostics: Diagnostic[];
}

const WORDS_PER_MINUTE = 230;

/**
 * Checks every reference between files and builds the site's indexes in one
 * pass over the corpus. Linear in the number of files: every lookup is a map.
 */
export function resolveSite(content: LoadedContent, options: ResolveOptions): ResolveResult {
  const diagnostics: Diagnostic[] = [];
  const error = (file: string, where: { line: number; column: number }, code: string, message: string) =>
    diagnostics.push({ severity: 'error', code, file, line: where.line, column: where.column, message });
  const warning = (file: string, where: { line: number; column: number }, code: string, message: string) =>
    diagnostics.push({ severity: 'warning', code, file, line: where.line, column: where.column, message });

  const actorFiles = new Map(content.actors.map((a) => [a.id, a]));
  const actorIds = [...actorFiles.keys()];
  const referencedActors = new Set<string>();
  const isPublished = (b: LoadedBriefing) => options.includeDrafts || !b.data.draft;
  const published = content.briefings.filter(isPublished);
  const unpublished = content.briefings.filter((b) => !isPublished(b));
  const draftPositionIds = new Set(unpublished.flatMap((b) => b.data.positions.map((p) => p.id)));

  // Actors: affiliations must name other actors.
  const actors: Actor[] = content.actors.map((entry) => {
    entry.data.affiliations.forEach((affiliation, i) => {
      // Located only when there is something to report: finding a YAML node costs more than the check.
      const where = () => entry.parsed.locate(['affiliations', i]);
      if (affiliation === entry.id) error(entry.file, where(), 'self-affiliation', `actor "${entry.id}" lists itself in affiliations`);
      else if (!actorFiles.has(affiliation)) error(entry.file, where(), 'unknown-actor', `affiliations: unknown actor id "${affiliation}"${didYouMean(affiliation, actorIds)}`);
      else referencedActors.add(affiliation);
    });
    return toActor(entry);
  });
  const actorById = new Map(actors.map((a) => [a.id, a]));

  // Position ids are permalinks: unique across the whole site, drafts included,
  // so publishing a draft later can never break an existing link.
  const positionHomes = new Map<string, { briefing: LoadedBriefing; index: number }>();
  const positionIdAt = (briefing: LoadedBriefing, index: number) => briefing.parsed.locate(['positions', index, 'id']);
  for (const briefing of content.briefings) {
    briefing.data.positions.forEach((position, i) => {
      const first = positionHomes.get(position.id);
      if (!first) return void positionHomes.set(position.id, { briefing, index: i });
      const firstLine = positionIdAt(first.briefing, first.index).line;
      error(briefing.file, positionIdAt(briefing, i), 'duplicate-position-id', `position id "${position.id}" is already used at ${first.briefing.file}:${firstLine}; position ids are permalinks and must be unique across the site`);
    });
  }

  const briefings: Briefing[] = [];
  const positionById = new Map<PositionId, Position>();
  const pendingPositionRefs: { briefing: LoadedBriefing; id: string; where: { line: number; column: number } }[] = [];
  const pendingFollows: { briefing: LoadedBriefing; index: number; position: Position }[] = [];

  for (const entry of published) {
    const { data } = entry;
    const located = (path: PropertyKey[]) => entry.parsed.locate(path);
    if (data.updated && data.updated < data.date) {
      error(entry.file, located(['updated']), 'updated-before-date', `"updated" (${data.updated}) is before "date" (${data.date})`);
    }
    const latestAllowed = data.updated ?? data.date;

    // Sources: unique ids within the briefing, numbered in listed order.
    const sources: Source[] = [];
    const sourceIds = new Set<string>();
    data.sources.forEach((source, i) => {
      if (sourceIds.has(source.id)) {
        error(entry.file, located(['sources', i, 'id']), 'duplicate-source-id', `source id "${source.id}" is listed twice in this briefing`);
        return;
      }
      sourceIds.add(source.id);
      sources.push({ ...source, id: source.id as SourceId, number: sources.length + 1, citeCount: 0 });
    });
    const citedSources = new Set<string>();
    // `where` is called only to report a problem: locating a YAML node costs more than the check.
    type Where = () => { line: number; column: number };
    const checkSource = (id: string, where: Where, what: string) => {
      if (sourceIds.has(id)) citedSources.add(id);
      else error(entry.file, where(), 'unknown-source', `${what}: unknown source id "${id}"${didYouMean(id, sourceIds)}; this briefing's sources are: ${[...sourceIds].join(', ') || '(none)'}`);
    };
    const checkActor = (id: string, where: Where, what: string) => {
      if (actorFiles.has(id)) referencedActors.add(id);
      else error(entry.file, where(), 'unknown-actor', `${what}: unknown actor id "${id}"${didYouMean(id, actorIds)}`);
      return actorFiles.has(id);
    };

    const involved: ActorId[] = [];
    const involve = (id: string) => {
      if (actorFiles.has(id) && !involved.includes(id as ActorId)) involved.push(id as ActorId);
    };

    const positions: Position[] = [];
    data.positions.forEach((raw, i) => {
      const ok = checkActor(raw.actor, () => located(['positions', i, 'actor']), `positions.${i}.actor`);
      raw.sources.forEach((sourceId, j) => checkSource(sourceId, () => located(['positions', i, 'sources', j]), `positions.${i}.sources`));
      const date = raw.date ?? data.date;
      if (raw.date && raw.date > latestAllowed) {
        error(entry.file, located(['positions', i, 'date']), 'position-after-briefing', `position "${raw.id}" is dated ${raw.date}, after the briefing's ${data.updated ? 'update' : 'date'} (${latestAllowed})`);
      } else if (raw.date && raw.date > options.today) {
        error(entry.file, located(['positions', i, 'date']), 'position-in-future', `position "${raw.id}" is dated ${raw.date}, in the future`);
      }
      if (!ok) return;
      involve(raw.actor);
      const actor = actorFiles.get(raw.actor)!;
      const position: Position = {
        id: raw.id as PositionId,
        actorId: raw.actor as ActorId,
        briefingSlug: entry.id as BriefingSlug,
        stance: raw.stance,
        quote: raw.quote,
        date,
        role: raw.role ?? actor.data.role,
        topic: raw.topic as TopicSlug | undefined,
        sourceIds: raw.sources as SourceId[],
        follows: raw.follows as PositionId | undefined,
        change: raw.change,
        followedBy: [],
      };
      if (raw.change && !raw.follows) {
        error(entry.file, located(['positions', i, 'change']), 'change-without-follows', `position "${raw.id}" has "change: ${raw.change}" but no "follows": name the earlier position it ${raw.change}`);
      }
      if (raw.follows) pendingFollows.push({ briefing: entry, index: i, position });
      positions.push(position);
      if (!positionById.has(position.id)) positionById.set(position.id, position);
    });

    data.actors.forEach((id, i) => {
      if (checkActor(id, () => located(['actors', i]), `actors.${i}`)) involve(id);
    });

    const embeds: PositionId[] = [];
    for (const use of entry.analysis.uses) {
      const attribute = use.name === 'Cite' ? 'source' : 'id';
      if (use.ref === undefined) {
        const others = use.otherAttributes ?? [];
        const what = use.misspelledAs !== undefined
          ? `; it has ${use.misspelledAs}="…" (did you mean "${attribute}"?)`
          : others.length ? `; it has ${others.map((a) => `"${a}"`).join(', ')}, which ${others.length === 1 ? 'is' : 'are'} not used` : '';
        error(entry.file, use, 'component-missing-attribute', use.problem === 'expression'
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
        pendingPositionRefs.push({ briefing: entry, id: use.ref, where: use });
        embeds.push(use.ref as PositionId);
      }
    }

    sources.forEach((source) => {
      if (!citedSources.has(source.id)) {
        warning(entry.file, located(['sources', source.number - 1, 'id']), 'uncited-source', `source "${source.id}" is never cited by a position or <Cite>`);
      }
    });

    briefings.push({
      slug: entry.id as BriefingSlug,
      title: data.title,
      summary: data.summary,
      date: data.date,
      updated: data.updated,
      authors: data.authors,
      topics: [...new Set(data.topics)] as TopicSlug[],
      draft: data.draft,
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
    });
  }

  // <Position id> may quote any published position of the site, so it is checked once all are known.
  for (const ref of pendingPositionRefs) {
    if (positionById.has(ref.id as PositionId)) continue;
    const why = draftPositionIds.has(ref.id)
      ? `<Position id>: position "${ref.id}" belongs to a draft briefing and will not be published`
      : `<Position id>: unknown position id "${ref.id}"${didYouMean(ref.id, positionById.keys())}`;
    error(ref.briefing.file, ref.where, 'unknown-position', why);
  }

  resolveFollows(pendingFollows, positionById, draftPositionIds, error);

  // Warnings that help keep a corpus tidy.
  const referencedByDrafts = new Set<string>();
  for (const draft of unpublished) {
    for (const position of draft.data.positions) referencedByDrafts.add(position.actor);
    for (const id of draft.data.actors) referencedByDrafts.add(id);
    for (const use of draft.analysis.uses) if (use.name === 'Actor' && use.ref !== undefined) referencedByDrafts.add(use.ref);
  }
  for (const entry of content.actors) {
    if (!referencedActors.has(entry.id)) {
      warning(entry.file, { line: 1, column: 1 }, 'unreferenced-actor', referencedByDrafts.has(entry.id)
        ? `actor "${entry.id}" is only referenced by draft briefings, so no published page links to it yet`
        : `actor "${entry.id}" is not referenced by any briefing or actor`);
    }
  }
  const names = new Map<string, string>();
  for (const entry of content.actors) {
    for (const [i, label] of [entry.data.name, ...entry.data.aliases].entries()) {
      const key = label.normalize('NFKC').toLocaleLowerCase();
      const other = names.get(key);
      if (other && other !== entry.id) {
        warning(entry.file, entry.parsed.locate(i === 0 ? ['name'] : ['aliases', i - 1]), 'duplicate-actor-name', `"${label}" is also a name or alias of actor "${other}"; readers and search cannot tell them apart`);
      } else names.set(key, entry.id);
    }
  }

  return { model: buildIndexes(actors, actorById, briefings, positionById), diagnostics };
}

/**
 * `follows` links a position to an earlier one of the same actor. The links must
 * point at a published position, of the same actor, strictly earlier in time,
 * and never loop; valid links are recorded both ways (follows / followedBy).
 */
function resolveFollows(
  pending: { briefing: LoadedBriefing; index: number; position: Position }[],
  positionById: Map<PositionId, Position>,
  draftPositionIds: Set<string>,
  error: (file: string, where: { line: number; column: number }, code: string, message: string) => void,
): void {
  const valid = new Map<PositionId, PositionId>();
  for (const { briefing, index, position } of pending) {
    const target = position.follows!;
    const where = () => briefing.parsed.locate(['positions', index, 'follows']);
    const earlier = positionById.get(target);
    if (!earlier) {
      error(briefing.file, where(), 'unknown-follows', draftPositionIds.has(target)
        ? `follows: position "${target}" belongs to a draft briefing and will not be published`
        : `follows: unknown position id "${target}"${didYouMean(target, positionById.keys())}`);
    } else if (earlier.id === position.id) {
      error(briefing.file, where(), 'follows-cycle', `position "${position.id}" follows itself`);
    } else if (earlier.actorId !== position.actorId) {
      error(briefing.file, where(), 'follows-other-actor', `follows: position "${target}" is ${earlier.actorId}'s, not ${position.actorId}'s; a position can only follow the same actor's earlier position`);
    } else if (earlier.date >= position.date) {
      error(briefing.file, where(), 'follows-not-earlier', `follows: position "${target}" is dated ${earlier.date}, not earlier than this position (${position.date})`);
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

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

function toActor(entry: LoadedFile<ActorData>): Actor {
  const { data } = entry;
  return {
    id: entry.id as ActorId,
    name: data.name,
    kind: data.kind,
    role: data.role,
    affiliations: data.affiliations as ActorId[],
    country: data.country,
    aliases: data.aliases,
    links: data.links,
    bio: entry.body.trim(),
    file: entry.file,
  };
}

/**
 * Dates (YYYY-MM-DD), ids and slugs are ASCII, so plain code-unit order is their
 * order, and much cheaper than a locale-aware comparison in sorts of every position.
 */
const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Actor names are shown sorted as a reader expects; one collator serves every comparison. */
const byName = new Intl.Collator('en');

const newestFirst = <T extends { date: string }>(key: (item: T) => string) => (a: T, b: T) =>
  compareCodeUnits(b.date, a.date) || compareCodeUnits(key(a), key(b));

function buildIndexes(
  actorsUnsorted: Actor[],
  actorById: Map<ActorId, Actor>,
  briefingsUnsorted: Briefing[],
  positionById: Map<PositionId, Position>,
): SiteModel {
  const briefings = [...briefingsUnsorted].sort(newestFirst((b) => b.slug));
  const actors = [...actorsUnsorted].sort((a, b) => byName.compare(a.name, b.name) || compareCodeUnits(a.id, b.id));
  const briefingBySlug = new Map(briefings.map((b) => [b.slug, b]));

  const positionsByActor = new Map<ActorId, Position[]>(actors.map((a) => [a.id, []]));
  const briefingsByActor = new Map<ActorId, Briefing[]>(actors.map((a) => [a.id, []]));
  const topicBySlug = new Map<TopicSlug, Topic>();
  const topic = (slug: TopicSlug) => {
    let t = topicBySlug.get(slug);
    if (!t) topicBySlug.set(slug, (t = { slug, briefings: [], positions: [] }));
    return t;
  };

  for (const briefing of briefings) {
    for (const actorId of briefing.actorIds) briefingsByActor.get(actorId)?.push(briefing);
    for (const slug of briefing.topics) topic(slug).briefings.push(briefing);
    for (const position of briefing.positions) {
      positionsByActor.get(position.actorId)?.push(position);
      if (position.topic) topic(position.topic).positions.push(position);
    }
  }
  const byDateThenId = newestFirst<Position>((p) => p.id);
  for (const list of positionsByActor.values()) list.sort(byDateThenId);
  for (const t of topicBySlug.values()) t.positions.sort(byDateThenId);
  const topics = [...topicBySlug.values()].sort((a, b) => compareCodeUnits(a.slug, b.slug));

  return {
    briefings,
    actors,
    topics,
    actorById,
    briefingBySlug,
    positionById,
    topicBySlug: new Map(topics.map((t) => [t.slug, t])),
    positionsByActor,
    briefingsByActor,
  };
}
