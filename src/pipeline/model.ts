/**
 * The resolved site: every reference checked, every index computed once. The
 * views (src/views/) and the card plan read it; nothing looks anything up in raw
 * frontmatter, and pages see it only through their views.
 */
import type { ACTOR_KINDS } from '../schemas/actor.ts';
import type { CORRECTION_KINDS } from '../schemas/common.ts';
import type { POSITION_CHANGES } from '../schemas/position.ts';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Ids are branded so an actor id cannot be passed where a position id is expected. */
export type ActorId = Brand<string, 'ActorId'>;
export type PositionId = Brand<string, 'PositionId'>;
export type BriefingSlug = Brand<string, 'BriefingSlug'>;
export type TopicSlug = Brand<string, 'TopicSlug'>;
export type SourceId = Brand<string, 'SourceId'>;

export type ActorKind = (typeof ACTOR_KINDS)[number];
export type PositionChange = (typeof POSITION_CHANGES)[number];

export interface Link {
  label: string;
  url: string;
}

/** A dated note on the record: an error fixed, a clarification or an update. */
export interface Correction {
  date: string;
  text: string;
  kind: (typeof CORRECTION_KINDS)[number];
}

/** Where in a source a statement is. */
export interface Pinpoint {
  at?: string;
  page?: number;
  section?: string;
}

/** An item taken back from the record, with when and why. */
export interface Withdrawal {
  date: string;
  reason: string;
}

export interface Actor {
  id: ActorId;
  name: string;
  kind: ActorKind;
  role?: string;
  affiliations: ActorId[];
  country?: string;
  aliases: string[];
  links: Link[];
  /** Ids the actor was published under before (renames, merged actors). */
  formerly: ActorId[];
  /** Markdown source of the short bio. */
  bio: string;
  /** Project-relative path of the file, for error messages. */
  file: string;
}

export interface Source {
  id: SourceId;
  /** 1-based number in the briefing's reference list. */
  number: number;
  title: string;
  publisher: string;
  url: string;
  date?: string;
  /** A saved copy of the page, and when the desk read the original. */
  archived?: string;
  accessed?: string;
  /** The source's language, when it is not the site's. */
  lang?: string;
  /** How many `<Cite>` in the body point here; each gets a back-link from the reference list. */
  citeCount: number;
}

export interface Position {
  id: PositionId;
  actorId: ActorId;
  briefingSlug: BriefingSlug;
  stance: string;
  quote?: string;
  /** The quote's language, and the desk's translation of it. */
  lang?: string;
  translation?: string;
  /** YYYY-MM-DD; the briefing's date when the author gave none. */
  date: string;
  /** Role at the time: the position's own `role`, else the actor's current role. */
  role?: string;
  topic?: TopicSlug;
  sourceIds: SourceId[];
  /** Where in each source the statement is, when the author said (by source id). */
  pinpoints: Partial<Record<SourceId, Pinpoint>>;
  /** The earlier position of the same actor this one continues, if any. */
  follows?: PositionId;
  /** How it changes the one it follows ("follows" alone when the author gave none). */
  change?: PositionChange;
  /** Later positions that follow this one, oldest first. */
  followedBy: PositionId[];
  /** Ids the position was published under before. */
  formerly: PositionId[];
  /** Its own withdrawal, or its briefing's. */
  withdrawn?: Withdrawal;
  /** Newest first. */
  corrections: Correction[];
  /**
   * Set when one of the position's own references is broken (an actor id that names
   * no actor, or an actor whose file failed to load). The problem is reported once,
   * at the position; the position stays in the model so that `<Position id>`, `follows`
   * and the indexes that point at it resolve instead of repeating the error. A model
   * with errors is never rendered (the build stops, the dev server shows the errors).
   */
  unresolved?: true;
}

export interface Briefing {
  slug: BriefingSlug;
  title: string;
  summary: string;
  date: string;
  updated?: string;
  authors: string[];
  topics: TopicSlug[];
  draft: boolean;
  /** Set in the dev server only, on a briefing not yet due: its publishing moment, ISO 8601 UTC. */
  scheduledFor?: string;
  /** Slugs the briefing was published under before. */
  formerly: BriefingSlug[];
  withdrawn?: Withdrawal;
  /** Newest first. */
  corrections: Correction[];
  /** Every actor involved: those with positions here, then those listed or mentioned, in first-seen order. */
  actorIds: ActorId[];
  sources: Source[];
  positions: Position[];
  /** Positions the body quotes with `<Position id>`, in order (any briefing's). */
  embeds: PositionId[];
  format: 'md' | 'mdx';
  file: string;
  /** Markdown or MDX source of the body, without the frontmatter. */
  body: string;
  /** The body has MDX code (allowed only with BRIEFINGS_ALLOW_MDX_CODE=1), so Astro's MDX runtime renders it. */
  usesCode: boolean;
  wordCount: number;
  readingMinutes: number;
}

export interface Topic {
  slug: TopicSlug;
  briefings: Briefing[];
  positions: Position[];
}

/** What the links stage (pipeline/links/) read from the ledger; empty where there is none (dev). */
export interface SiteLinks {
  /** Pages taken down on purpose (content/removed-urls.txt): each answers with its reason. */
  removed: { path: string; reason: string }[];
  /**
   * Positions once shown on an actor's or a briefing's page and now another actor's or
   * in another briefing, by the path of that old page, with the id they were shown under.
   */
  movedAway: ReadonlyMap<string, { fragment: string; positionId: PositionId }[]>;
}

export interface SiteModel {
  /** Newest first (date, then slug, for a stable order). */
  briefings: Briefing[];
  /** By name. */
  actors: Actor[];
  /** By slug. */
  topics: Topic[];
  actorById: ReadonlyMap<ActorId, Actor>;
  briefingBySlug: ReadonlyMap<BriefingSlug, Briefing>;
  positionById: ReadonlyMap<PositionId, Position>;
  topicBySlug: ReadonlyMap<TopicSlug, Topic>;
  /** Each actor's positions across all briefings, newest first. */
  positionsByActor: ReadonlyMap<ActorId, Position[]>;
  /** Briefings that involve each actor (position, `actors` list or `<Actor>` mention), newest first. */
  briefingsByActor: ReadonlyMap<ActorId, Briefing[]>;
  /** Filled in by the links stage after resolve. */
  links: SiteLinks;
}
