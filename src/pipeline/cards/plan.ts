/**
 * Which share cards the site has and what each one shows, derived from the
 * resolved site. The pages' og:image paths come from the same functions.
 */
import type { Correction, SiteModel } from '../model.ts';
import { formatDate, plural, topicLabel } from '../../util/format.ts';
import { cardPaths } from '../../routes.ts';
import { languageName } from '../../util/language.ts';
import type { PublicationSettings } from '../../config/settings.ts';
import { DEFAULT_BRAND, type CardBrand, type CardContent } from './layout.ts';

export interface CardJob {
  /** Base-less site path of the PNG, e.g. "/briefings/x/og.png". */
  sitePath: string;
  content: CardContent;
}

/** Cards say "corrected" for errors fixed, not for clarifications or updates. */
const latestCorrectionDate = (notes: readonly Correction[]) => notes.find((n) => n.kind === 'correction')?.date;

/** The publication as cards need it; without accent, language or logo, the desk's defaults. */
export type CardSite = Pick<PublicationSettings, 'name' | 'tagline'> & Partial<Pick<PublicationSettings, 'accent' | 'language' | 'logo'>>;

export function planCards(model: SiteModel, site: CardSite): CardJob[] {
  const siteName = site.name;
  const brand = cardBrand(site);
  const jobs: CardJob[] = [];
  const latest = model.briefings[0];
  const counts = `${plural(model.briefings.length, 'briefing')} · ${plural(model.actors.length, 'actor')} · ${plural(model.positionById.size, 'position')}`;
  const page = (sitePath: string, label: string, title: string, subtitle: string, footer = counts) =>
    jobs.push({ sitePath, content: { kind: 'page', brand, siteName, label, title, subtitle, footer } });

  page(cardPaths.site(), 'Briefings', siteName, site.tagline, latest ? `Latest: ${formatDate(latest.date, 'long', brand.language)}` : counts);
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
      kind: 'briefing', brand, siteName, title: briefing.title, summary: briefing.summary, date: briefing.date,
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
      kind: 'actor', brand, siteName, name: actor.name, role: actor.role, positions: positions.length,
      briefings: model.briefingsByActor.get(actor.id)?.length ?? 0,
      latestStance: latestPosition?.stance, latestDate: latestPosition?.date,
    });
  }

  for (const position of model.positionById.values()) {
    const actor = model.actorById.get(position.actorId)!;
    atPaths([position.id, ...position.formerly].map(cardPaths.position), {
      // A quote in another language is shown in the desk's translation, the language named; the page has the original.
      kind: 'position', brand, siteName, text: (position.quote && position.translation) ?? position.quote ?? position.stance, isQuote: position.quote !== undefined,
      actorName: actor.name, role: position.role, date: position.date,
      translatedFrom: position.quote && position.translation && position.lang ? languageName(position.lang) : undefined,
      briefingTitle: model.briefingBySlug.get(position.briefingSlug)!.title,
      withdrawn: position.withdrawn ? true : undefined,
      corrected: latestCorrectionDate(position.corrections),
    });
  }
  return jobs;
}

/** What a card shows of the publication besides its name. Cards use the light theme, so its accent. */
export function cardBrand(site: CardSite): CardBrand {
  const { logo } = site;
  return {
    accent: site.accent?.light ?? DEFAULT_BRAND.accent,
    language: site.language ?? DEFAULT_BRAND.language,
    ...(logo ? { logo: { file: logo.file, sha256: logo.sha256, width: logo.width, height: logo.height } } : {}),
  };
}
