/**
 * The bridge between the content pipeline and Astro pages: the resolved site
 * for this mode (drafts in dev only) and links that carry the base path.
 */
import { getSite } from './site.ts';
import type { SiteModel } from './model.ts';
import { absoluteUrl, withBase } from './urls.ts';
import { BASE_PATH, IS_DEV } from './build-env.ts';

export function site(): SiteModel {
  return getSite({ dev: IS_DEV });
}

/** A site path with the deployment's base path in front. */
export function href(sitePath: string): string {
  return withBase(sitePath, BASE_PATH);
}

/** An absolute URL on the public site (SITE_URL + BASE_PATH). */
export function absolute(sitePath: string, siteUrl: URL | undefined): string {
  return absoluteUrl(sitePath, siteUrl ?? 'http://localhost:4321', BASE_PATH);
}
