/** Which built pages the sitemap lists: not the 404 page, not search, not the redirect or removal pages at old URLs. */
import { receiveHandoff } from '../pipeline/build-handoff.ts';
import { pageRedirects } from '../pipeline/links/redirects.ts';

let moved: Set<string> | undefined;

export function inSitemap(pageUrl: string): boolean {
  if (pageUrl.endsWith('/404/') || pageUrl.includes('/search/')) return false;
  // Called once per page, after the build: the former paths are computed once.
  const { model, context } = receiveHandoff();
  if (!moved) {
    const site = model();
    moved = new Set([...pageRedirects(site).map((r) => r.from), ...site.links.removed.map((r) => r.path)]);
  }
  const { base } = context;
  const sitePath = new URL(pageUrl).pathname.slice(base.length - 1);
  return !moved.has(sitePath);
}
