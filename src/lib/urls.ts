/**
 * Every URL of the site in one place. These paths are the public contract:
 * people link to them for years, so they only ever gain new routes.
 * Paths here are base-less; `withBase` adds the deployment's BASE_PATH.
 */
import type { ActorId, BriefingSlug, Position, PositionId, TopicSlug } from './model.ts';

export const routes = {
  home: () => '/',
  briefings: () => '/briefings/',
  briefing: (slug: BriefingSlug) => `/briefings/${slug}/`,
  actors: () => '/actors/',
  actor: (id: ActorId) => `/actors/${id}/`,
  topics: () => '/topics/',
  topic: (slug: TopicSlug) => `/topics/${slug}/`,
  position: (id: PositionId) => `/positions/${id}/`,
  /** The permalink of a position: its entry on the actor's page. */
  positionOnActor: (position: Pick<Position, 'id' | 'actorId'>) => `/actors/${position.actorId}/#${position.id}`,
  positionInBriefing: (position: Pick<Position, 'id' | 'briefingSlug'>) => `/briefings/${position.briefingSlug}/#${position.id}`,
  sourceInBriefing: (slug: BriefingSlug, sourceId: string) => `/briefings/${slug}/#source-${sourceId}`,
};

/** Joins a base path such as "/desk" or "/desk/" with a site path such as "/actors/". */
export function withBase(sitePath: string, base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${sitePath.startsWith('/') ? sitePath : `/${sitePath}`}`;
}

/** An absolute URL for feeds, canonical links and share images. */
export function absoluteUrl(sitePath: string, site: string | URL, base: string): string {
  return new URL(withBase(sitePath, base), site).href;
}
