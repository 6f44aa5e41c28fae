/**
 * Every former URL of the site and where it leads now: pages, share cards and
 * feeds of renamed briefings, actors (renamed or merged) and positions. The
 * build publishes each as a `_redirects` line, and each page as a static
 * redirect page for hosts without server redirects; cards and feeds are copied
 * to their old paths, since previews and feed readers do not follow a page.
 */
import type { SiteModel } from '../model.ts';
import { cardPaths, feedPaths, routes } from '../../routes.ts';

export interface Redirect {
  /** Base-less site paths. */
  from: string;
  to: string;
  /** What moved, and its current title or name, for the redirect page. */
  what: 'briefing' | 'actor' | 'position';
  title: string;
}

export function redirectsOf(model: SiteModel): Redirect[] {
  const redirects: Redirect[] = [];
  const add = (what: Redirect['what'], title: string, pairs: [string, string][]) => {
    for (const [from, to] of pairs) redirects.push({ from, to, what, title });
  };
  for (const b of model.briefings) {
    for (const former of b.formerly) {
      add('briefing', b.title, [[routes.briefing(former), routes.briefing(b.slug)], [cardPaths.briefing(former), cardPaths.briefing(b.slug)]]);
    }
  }
  for (const a of model.actors) {
    for (const former of a.formerly) {
      const [was, is] = [routes.actor(former), routes.actor(a.id)];
      add('actor', a.name, [[was, is], [cardPaths.actor(former), cardPaths.actor(a.id)], [feedPaths.pageRss(was), feedPaths.pageRss(is)], [feedPaths.pageJson(was), feedPaths.pageJson(is)]]);
    }
  }
  for (const p of model.positionById.values()) {
    for (const former of p.formerly) {
      add('position', p.stance, [[routes.position(former), routes.position(p.id)], [cardPaths.position(former), cardPaths.position(p.id)]]);
    }
  }
  return redirects;
}

/** Redirects of pages (paths ending in "/"), which get a static redirect page; the rest are files copied to the old path. */
export const pageRedirects = (model: SiteModel): Redirect[] => redirectsOf(model).filter((r) => r.from.endsWith('/'));
