/** The open-data files (`/data/*.json`) as views: plain records built from the model (see schemas/open-data.ts). */
import type { z } from 'zod';
import type { BuildContext } from '../pipeline/build-handoff.ts';
import type { OpenDataName, openActorSchema, openBriefingSchema, openPositionSchema, openSourceSchema } from '../schemas/open-data.ts';
import type { Correction, Position, SiteModel, Source } from '../pipeline/model.ts';
import { absoluteIn, cardPaths, dataPaths, feedPaths, routes } from '../routes.ts';
import { sourcesCitedBy } from './parts.ts';

type Absolute = (sitePath: string) => string;

/** Present only when set, so a file without renames or withdrawals reads as it always has. */
const formerAndWithdrawn = (item: { formerly: readonly string[]; withdrawn?: { date: string; reason: string }; corrections?: readonly Correction[] }) => ({
  ...(item.formerly.length ? { formerly: [...item.formerly] } : {}),
  ...(item.withdrawn ? { withdrawn: { ...item.withdrawn } } : {}),
  ...(item.corrections?.length ? { corrections: item.corrections.map((c) => ({ ...c })) } : {}),
});

const source = (s: Source): z.infer<typeof openSourceSchema> => ({
  id: s.id, number: s.number, title: s.title, publisher: s.publisher, url: s.url, ...(s.date ? { date: s.date } : {}),
  ...(s.archived ? { archived: s.archived } : {}), ...(s.accessed ? { accessed: s.accessed } : {}), ...(s.lang ? { lang: s.lang } : {}),
});

export function openPositions(model: SiteModel, abs: Absolute): z.infer<typeof openPositionSchema>[] {
  const all = model.briefings.flatMap((b) => b.positions);
  return all.map((p: Position) => {
    const briefing = model.briefingBySlug.get(p.briefingSlug)!;
    return {
      id: p.id,
      url: abs(routes.position(p.id)),
      permalink: abs(routes.positionOnActor(p)),
      image: abs(cardPaths.position(p.id)),
      actor: p.actorId,
      actorName: model.actorById.get(p.actorId)!.name,
      briefing: p.briefingSlug,
      briefingUrl: abs(routes.positionInBriefing(p)),
      stance: p.stance,
      ...(p.quote ? { quote: p.quote } : {}),
      ...(p.lang ? { lang: p.lang } : {}),
      ...(p.translation ? { translation: p.translation } : {}),
      date: p.date,
      ...(p.role ? { role: p.role } : {}),
      ...(p.topic ? { topic: p.topic } : {}),
      sources: sourcesCitedBy(briefing, p).map((s) => ({ ...source(s), ...p.pinpoints[s.id] })),
      ...(p.follows ? { follows: p.follows } : {}),
      ...(p.change ? { change: p.change } : {}),
      followedBy: [...p.followedBy],
      ...formerAndWithdrawn(p),
    };
  });
}

export function openBriefings(model: SiteModel, abs: Absolute): z.infer<typeof openBriefingSchema>[] {
  return model.briefings.map((b) => ({
    slug: b.slug,
    url: abs(routes.briefing(b.slug)),
    image: abs(cardPaths.briefing(b.slug)),
    title: b.title,
    summary: b.summary,
    date: b.date,
    ...(b.updated ? { updated: b.updated } : {}),
    authors: b.authors,
    topics: b.topics,
    actors: b.actorIds,
    positions: b.positions.map((p) => p.id),
    sources: b.sources.map(source),
    wordCount: b.wordCount,
    ...formerAndWithdrawn(b),
  }));
}

export function openActors(model: SiteModel, abs: Absolute): z.infer<typeof openActorSchema>[] {
  return model.actors.map((a) => ({
    id: a.id,
    url: abs(routes.actor(a.id)),
    image: abs(cardPaths.actor(a.id)),
    feeds: { rss: abs(feedPaths.pageRss(routes.actor(a.id))), json: abs(feedPaths.pageJson(routes.actor(a.id))) },
    name: a.name,
    kind: a.kind,
    ...(a.role ? { role: a.role } : {}),
    affiliations: a.affiliations,
    ...(a.country ? { country: a.country } : {}),
    aliases: a.aliases,
    links: a.links,
    bio: a.bio,
    positions: (model.positionsByActor.get(a.id) ?? []).map((p) => p.id),
    briefings: (model.briefingsByActor.get(a.id) ?? []).map((b) => b.slug),
    ...formerAndWithdrawn(a),
  }));
}

const builders = { briefings: openBriefings, actors: openActors, positions: openPositions } as const;

/** One open-data file: its records under its name, with the URL of its JSON Schema. */
export type OpenDataView = { $schema: string; license?: { id?: string; url: string } } & Partial<Record<OpenDataName, unknown[]>>;

export function openDataView(model: SiteModel, context: BuildContext, name: OpenDataName): OpenDataView {
  const abs = absoluteIn(context);
  const { license } = context.publication;
  return { $schema: abs(dataPaths.schema(name)), ...(license ? { license } : {}), [name]: builders[name](model, abs) };
}
