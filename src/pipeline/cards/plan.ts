/**
 * Which share cards the site has and what each one shows, derived from the
 * resolved site. The pages' og:image paths come from the same functions.
 */
import type { Correction, SiteModel } from '../model.ts';
import { formatDate, plural, topicLabel } from '../../util/format.ts';
import { cardPaths } from '../../routes.ts';
import { languageName } from '../../util/language.ts';
import type { CardContent } from './layout.ts';

export interface CardJob {
  /** Base-less site path of the PNG, e.g. "/briefings/x/og.png". */
  sitePath: string;
  content: CardContent;
}

/** Cards say "corrected" for errors fixed, not for clarifications or updates. */
const latestCorrectionDate = (notes: readonly Correction[]) => notes.find((n) => n.kind === 'correction')?.date;

export function planCards(model: SiteModel, site: { name: string; tagline: string }): CardJob[] {
  const siteName = site.name;
  const jobs: CardJob[] = [];
  const latest = model.briefings[0];
  const counts = `${plural(model.briefings.length, 'briefing')} · ${plural(model.actors.length, 'actor')} · ${plural(model.positionById.size, 'position')}`;
  const page = (sitePath: string, label: string, title: string, subtitle: string, footer = counts) =>
    jobs.push({ sitePath, content: { kind: 'page', siteName, label, title, subtitle, footer } });

  page(cardPaths.site(), 'Briefings', siteName, site.tagline, latest ? `Latest: ${formatDate(latest.date)}` : counts);
  page(cardPaths.briefings(), 'Archive', 'All briefings', `Every briefing of ${siteName}, newest first.`);
  page(cardPaths.actors(), 'Actors', 'People, organizations and countries', 'Every actor with the positions they took, across all briefings.');
  page(cardPaths.topics(), 'Topics', 'All topics', model.topics.slice(0, 8).map((t) => topicLabel(t.slug)).join(' · '));

  for (const topic of model.topics) {
    page(cardPaths.topic(topic.slug), 'Topic', topicLabel(topic.slug), `Briefings and positions on ${topicLabel(topic.slug).toLowerCase()}.`,
      `${plural(topic.briefings.length, 'briefing')} · ${plural(topic.positions.length, 'position')}`);
  }

  // A former URL's card is the current card again (the same cache file), so cached link previews keep working.
  const atPaths = (paths: string[], content: CardContent) => paths.forEach((sitePath) => jobs.push({ sitePath, content }));

  for (const briefing of model.briefings) {
    atPaths([briefing.slug, ...briefing.formerly].map(cardPaths.briefing), {
      kind: 'briefing', siteName, title: briefing.title, summary: briefing.summary, date: briefing.date,
      actors: briefing.actorIds.map((id) => model.actorById.get(id)!.name),
      withdrawn: briefing.withdrawn ? true : undefined,
      corrected: latestCorrectionDate(briefing.corrections),
    });
  }

  for (const actor of model.actors) {
    const positions = model.positionsByActor.get(actor.id) ?? [];
    // A withdrawn position is never anyone's latest stance.
    const latestPosition = positions.find((p) => !p.withdrawn);
    atPaths([actor.id, ...actor.formerly].map(cardPaths.actor), {
      kind: 'actor', siteName, name: actor.name, role: actor.role, positions: positions.length,
      briefings: model.briefingsByActor.get(actor.id)?.length ?? 0,
      latestStance: latestPosition?.stance, latestDate: latestPosition?.date,
    });
  }

  for (const position of model.positionById.values()) {
    const actor = model.actorById.get(position.actorId)!;
    atPaths([position.id, ...position.formerly].map(cardPaths.position), {
      // A quote in another language is shown in the desk's translation, the language named; the page has the original.
      kind: 'position', siteName, text: (position.quote && position.translation) ?? position.quote ?? position.stance, isQuote: position.quote !== undefined,
      actorName: actor.name, role: position.role, date: position.date,
      translatedFrom: position.quote && position.translation && position.lang ? languageName(position.lang) : undefined,
      briefingTitle: model.briefingBySlug.get(position.briefingSlug)!.title,
      withdrawn: position.withdrawn ? true : undefined,
      corrected: latestCorrectionDate(position.corrections),
    });
  }
  return jobs;
}
