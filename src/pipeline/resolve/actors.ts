/** Actors: each affiliation must name another actor. */
import type { ActorData } from '../../schemas/actor.ts';
import { didYouMean } from '../../util/suggest.ts';
import type { LoadedFile } from '../load/load-content.ts';
import type { Actor, ActorId } from '../model.ts';
import type { Report } from './report.ts';

/** `rejected`: actor files that failed to load; an affiliation with one is reported at that file, not here. */
export function resolveActors(entries: LoadedFile<ActorData>[], report: Report, referenced: Set<string>, rejected: ReadonlySet<string> = new Set()): Actor[] {
  const ids = new Set(entries.map((a) => a.id));
  return entries.map((entry) => {
    entry.data.affiliations.forEach((affiliation, i) => {
      // Located only when there is something to report: finding a YAML node costs more than the check.
      const where = () => entry.parsed.locate(['affiliations', i]);
      if (affiliation === entry.id) report.error(entry.file, where(), 'self-affiliation', `actor "${entry.id}" lists itself in affiliations`);
      else if (!ids.has(affiliation) && !rejected.has(affiliation)) report.error(entry.file, where(), 'unknown-actor', `affiliations: unknown actor id "${affiliation}"${didYouMean(affiliation, ids)}`);
      else if (ids.has(affiliation)) referenced.add(affiliation);
    });
    return toActor(entry);
  });
}

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
    formerly: data.formerly as ActorId[],
    bio: entry.body.trim(),
    file: entry.file,
  };
}
