/** Warnings that help keep a corpus tidy: actors nothing refers to, and names two actors share. */
import type { ActorData } from '../../schemas/actor.ts';
import type { LoadedBriefing, LoadedFile } from '../load/load-content.ts';
import type { Report } from './report.ts';

export function warnUnreferencedActors(actors: LoadedFile<ActorData>[], referenced: ReadonlySet<string>, drafts: LoadedBriefing[], report: Report): void {
  const referencedByDrafts = new Set<string>();
  for (const draft of drafts) {
    for (const position of draft.data.positions) referencedByDrafts.add(position.actor);
    for (const id of draft.data.actors) referencedByDrafts.add(id);
    for (const use of draft.analysis.uses) if (use.name === 'Actor' && use.ref !== undefined) referencedByDrafts.add(use.ref);
  }
  for (const entry of actors) {
    if (referenced.has(entry.id)) continue;
    report.warning(entry.file, { line: 1, column: 1 }, 'unreferenced-actor', referencedByDrafts.has(entry.id)
      ? `actor "${entry.id}" is only referenced by draft briefings, so no published page links to it yet`
      : `actor "${entry.id}" is not referenced by any briefing or actor`);
  }
}

export function warnSharedNames(actors: LoadedFile<ActorData>[], report: Report): void {
  const names = new Map<string, string>();
  for (const entry of actors) {
    for (const [i, label] of [entry.data.name, ...entry.data.aliases].entries()) {
      const key = label.normalize('NFKC').toLocaleLowerCase();
      const other = names.get(key);
      if (other && other !== entry.id) {
        report.warning(entry.file, entry.parsed.locate(i === 0 ? ['name'] : ['aliases', i - 1]), 'duplicate-actor-name', `"${label}" is also a name or alias of actor "${other}"; readers and search cannot tell them apart`);
      } else names.set(key, entry.id);
    }
  }
}
