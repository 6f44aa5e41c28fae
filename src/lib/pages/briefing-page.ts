/**
 * What a briefing page (`/briefings/<slug>/`) renders, looked up once in
 * getStaticPaths, and its incremental-build key (lib/cache-key.ts).
 *
 * Unlike a position page, a briefing page also renders components that look
 * the site up themselves: position cards, and the Actor, Position and Cite calls
 * in its body. The key therefore covers what those read as well: every position
 * shown (its own and the ones the body quotes), the position each of them
 * follows, their actors and their briefings' titles and sources.
 */
import { bodyKey } from '../markdown/body-cache.ts';
import { briefingFileName } from '../bodies.ts';
import type { Briefing, Position, SiteModel } from '../model.ts';
import { whatChanged } from '../relations.ts';
import { cacheKeyOf } from '../cache-key.ts';
import { shownPositions, withoutBio, type ActorSummary } from './shown-positions.ts';

type BriefingLink = Pick<Briefing, 'slug' | 'title'>;

export interface BriefingPageProps {
  briefing: Briefing;
  /** Briefings are newest first: "newer" is the one before in that order. */
  newer?: BriefingLink;
  older?: BriefingLink;
  /** Everyone involved, in the briefing's order. */
  actors: ActorSummary[];
  /** Positions here that harden, soften or reverse an earlier one, with it. */
  changes: { position: Position; earlier: Position; actorName: string }[];
}

const link = (briefing: Briefing | undefined): BriefingLink | undefined => briefing && { slug: briefing.slug, title: briefing.title };

export function briefingPageProps(model: SiteModel, briefing: Briefing, newer?: Briefing, older?: Briefing): BriefingPageProps {
  return {
    briefing,
    newer: link(newer),
    older: link(older),
    actors: briefing.actorIds.map((id) => withoutBio(model.actorById.get(id)!)),
    changes: whatChanged(model, briefing).map(({ position, earlier }) => ({ position, earlier, actorName: model.actorById.get(position.actorId)!.name })),
  };
}

/**
 * The page's key, or undefined when it must always be rendered: a body with MDX
 * code runs through Astro's MDX runtime, whose imports the key cannot see.
 */
export function briefingPageKey(model: SiteModel, props: BriefingPageProps): string | undefined {
  const { briefing } = props;
  if (briefing.usesCode) return undefined;
  const quoted = briefing.embeds.map((id) => model.positionById.get(id)).filter((p): p is Position => p !== undefined);
  const shown = shownPositions(model, [...briefing.positions, ...quoted]);
  const body = bodyKey({ source: briefing.body, format: briefing.format, fileName: briefingFileName(briefing) });
  return cacheKeyOf({ props, body, shown });
}

export function briefingPagePropsBySlug(model: SiteModel, slug: string): BriefingPageProps | undefined {
  const all = model.briefings;
  const index = all.findIndex((b) => b.slug === slug);
  return index < 0 ? undefined : briefingPageProps(model, all[index]!, all[index - 1], all[index + 1]);
}
