/**
 * Every public URL the build publishes for a model: pages, the position
 * fragments on actor and briefing pages, share cards, feeds and open data, and
 * the former URLs that redirect (so dropping a `formerly` later is caught too).
 * Base-less paths, as the ledger (ledger.ts) keeps them. A build test holds this
 * list against the files of a real `dist/`, so it cannot drift from the routes.
 */
import type { SiteModel } from '../model.ts';
import { cardPaths, dataPaths, feedPaths, routes } from '../../routes.ts';
import { redirectsOf } from './redirects.ts';
import { monthsOf } from '../../util/months.ts';

const OPEN_DATA = ['briefings', 'actors', 'positions'] as const;

export function publishedUrls(model: SiteModel): string[] {
  const urls: string[] = [
    routes.home(), routes.briefings(), routes.actors(), routes.topics(), routes.positions(), routes.search(),
    cardPaths.site(), cardPaths.briefings(), cardPaths.actors(), cardPaths.topics(),
    feedPaths.rss(), feedPaths.json(),
    routes.corrections(), feedPaths.pageRss(routes.corrections()), feedPaths.pageJson(routes.corrections()),
    ...OPEN_DATA.flatMap((name) => [dataPaths.file(name), dataPaths.schema(name)]),
  ];
  for (const month of monthsOf(model.briefings)) urls.push(routes.briefingsInMonth(month));
  for (const b of model.briefings) {
    urls.push(routes.briefing(b.slug), cardPaths.briefing(b.slug), ...b.positions.map((p) => routes.positionInBriefing(p)));
  }
  for (const a of model.actors) {
    const page = routes.actor(a.id);
    urls.push(page, cardPaths.actor(a.id), feedPaths.pageRss(page), feedPaths.pageJson(page));
    for (const p of model.positionsByActor.get(a.id) ?? []) urls.push(routes.positionOnActor(p));
  }
  for (const p of model.positionById.values()) {
    urls.push(routes.position(p.id), cardPaths.position(p.id));
    for (const former of p.formerly) urls.push(`${routes.actor(p.actorId)}#${former}`, `${routes.briefing(p.briefingSlug)}#${former}`);
  }
  for (const t of model.topics) {
    const page = routes.topic(t.slug);
    urls.push(page, cardPaths.topic(t.slug), feedPaths.pageRss(page), feedPaths.pageJson(page));
    for (const month of monthsOf(t.briefings, t.positions)) urls.push(routes.topicInMonth(t.slug, month));
  }
  urls.push(...redirectsOf(model).map((r) => r.from));
  return urls;
}
