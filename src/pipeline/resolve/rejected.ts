/**
 * What the files that failed to load still tell the resolve stage. Their own
 * problems are already reported; a reference to one of their actors or positions
 * is not a second mistake, so it is neither reported again nor counted as missing.
 */
import { analyzeBody } from '../load/analyze-body.ts';
import type { RejectedFile } from '../load/load-content.ts';

export interface RejectedIds {
  /** Ids of actor files that exist but failed to load. */
  actors: ReadonlySet<string>;
  /** Ids of the positions listed in briefings that failed to load. */
  positions: ReadonlySet<string>;
  /** Actors those briefings refer to, in their frontmatter or body. */
  actorRefs: ReadonlySet<string>;
  /** Some briefing's frontmatter could not be read at all, so what it refers to is unknown. */
  unreadable: boolean;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const field = (value: unknown, key: string): unknown => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);

export function rejectedIds(rejected: readonly RejectedFile[]): RejectedIds {
  const actors = new Set<string>();
  const positions = new Set<string>();
  const actorRefs = new Set<string>();
  let unreadable = false;
  for (const file of rejected) {
    if (file.kind === 'actor') {
      actors.add(file.id);
      continue;
    }
    if (file.data === undefined) unreadable = true;
    const listed = Array.isArray(field(file.data, 'positions')) ? (field(file.data, 'positions') as unknown[]) : [];
    for (const position of listed) {
      const id = field(position, 'id');
      const actor = field(position, 'actor');
      if (typeof id === 'string') positions.add(id);
      if (typeof actor === 'string') actorRefs.add(actor);
    }
    for (const id of strings(field(file.data, 'actors'))) actorRefs.add(id);
    // The body was never analyzed (its frontmatter failed first); its mentions still count.
    const format = file.file.endsWith('.mdx') ? 'mdx' : 'md';
    for (const use of analyzeBody(file.body, format, 1).uses) if (use.name === 'Actor' && use.ref !== undefined) actorRefs.add(use.ref);
  }
  return { actors, positions, actorRefs, unreadable };
}
