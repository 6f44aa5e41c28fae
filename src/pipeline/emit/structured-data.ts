/**
 * schema.org JSON-LD for briefings (NewsArticle), actors (Person/Organization/
 * Country) and positions (Quotation). Plain objects here; serialised once,
 * escaped so that text like "</script>" can never end the data block.
 */
import type { Actor, Briefing, Correction, Position, Source } from '../model.ts';
import type { PublicationSettings } from '../../config/settings.ts';
import { brandPaths, routes } from '../../routes.ts';
import { socialProfiles } from '../../util/social.ts';

type Absolute = (sitePath: string) => string;
type JsonLd = Record<string, unknown>;

const actorType = (actor: Pick<Actor, 'kind'>) => ({ person: 'Person', organization: 'Organization', country: 'Country' })[actor.kind];

export function actorNode(actor: Pick<Actor, 'id' | 'name' | 'kind'>, abs: Absolute): JsonLd {
  return { '@type': actorType(actor), '@id': `${abs(routes.actor(actor.id))}#actor`, name: actor.name, url: abs(routes.actor(actor.id)) };
}

/** The publication as an Organization: name, home page, the 512 px icon as its logo, its accounts. */
export function publisherNode(publication: Pick<PublicationSettings, 'name' | 'social'>, abs: Absolute): JsonLd {
  const sameAs = socialProfiles(publication.social).map((p) => p.url);
  return {
    '@type': 'Organization',
    '@id': `${abs(routes.home())}#publisher`,
    name: publication.name,
    url: abs(routes.home()),
    logo: { '@type': 'ImageObject', url: abs(brandPaths.icon512()), width: 512, height: 512 },
    ...(sameAs.length ? { sameAs } : {}),
  };
}

export function briefingJsonLd(
  briefing: Pick<Briefing, 'slug' | 'title' | 'summary' | 'date' | 'updated' | 'authors' | 'topics' | 'wordCount'> & { record: readonly Correction[] },
  actors: readonly Pick<Actor, 'id' | 'name' | 'kind'>[],
  sources: readonly Pick<Source, 'title' | 'url' | 'publisher' | 'date' | 'archived' | 'lang'>[],
  abs: Absolute,
  imageUrl: string,
  publisher: JsonLd & { name: unknown },
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: briefing.title,
    description: briefing.summary,
    url: abs(routes.briefing(briefing.slug)),
    mainEntityOfPage: abs(routes.briefing(briefing.slug)),
    image: [imageUrl],
    datePublished: briefing.date,
    dateModified: briefing.updated ?? briefing.date,
    author: briefing.authors.length ? briefing.authors.map((name) => ({ '@type': 'Person', name })) : [{ '@type': 'Organization', name: publisher.name }],
    publisher,
    keywords: briefing.topics.join(', ') || undefined,
    wordCount: briefing.wordCount,
    about: actors.map((actor) => actorNode(actor, abs)),
    ...(briefing.record.length
      ? { correction: briefing.record.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.date })) }
      : {}),
    citation: sources.map((s) => ({
      '@type': 'CreativeWork',
      name: s.title,
      url: s.url,
      publisher: { '@type': 'Organization', name: s.publisher },
      ...(s.date ? { datePublished: s.date } : {}),
      ...(s.archived ? { archivedAt: s.archived } : {}),
      ...(s.lang ? { inLanguage: s.lang } : {}),
    })),
  };
}

export function actorJsonLd(actor: Pick<Actor, 'id' | 'name' | 'kind' | 'role' | 'aliases' | 'links'>, affiliations: readonly Pick<Actor, 'id' | 'name' | 'kind'>[], abs: Absolute): JsonLd {
  return {
    '@context': 'https://schema.org',
    ...actorNode(actor, abs),
    ...(actor.role ? (actor.kind === 'person' ? { jobTitle: actor.role } : { description: actor.role }) : {}),
    ...(actor.aliases.length ? { alternateName: actor.aliases } : {}),
    ...(actor.links.length ? { sameAs: actor.links.map((l) => l.url) } : {}),
    ...(affiliations.length
      ? { [actor.kind === 'person' ? 'affiliation' : 'memberOf']: affiliations.map((affiliation) => actorNode(affiliation, abs)) }
      : {}),
  };
}

export function positionJsonLd(
  position: Pick<Position, 'id' | 'quote' | 'lang' | 'translation' | 'stance' | 'date' | 'topic'>,
  actor: Pick<Actor, 'id' | 'name' | 'kind'>,
  briefing: Pick<Briefing, 'slug' | 'title'>,
  sources: readonly Pick<Source, 'title' | 'url'>[],
  abs: Absolute,
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Quotation',
    '@id': abs(routes.position(position.id)),
    url: abs(routes.position(position.id)),
    // The original words first; the desk's translation as a second text.
    text: position.quote && position.translation ? [position.quote, position.translation] : (position.quote ?? position.stance),
    ...(position.quote && position.lang ? { inLanguage: position.lang } : {}),
    ...(position.quote ? { abstract: position.stance } : {}),
    creator: actorNode(actor, abs),
    dateCreated: position.date,
    ...(position.topic ? { about: position.topic } : {}),
    isBasedOn: sources.map((s) => ({ '@type': 'CreativeWork', name: s.title, url: s.url })),
    isPartOf: { '@type': 'NewsArticle', headline: briefing.title, url: abs(routes.briefing(briefing.slug)) },
  };
}

/** JSON for a <script type="application/ld+json"> block: `<`, `>` and `&` escaped as \u sequences. */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
