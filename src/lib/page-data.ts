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

/**
 * A page's props as of now. Pages get their data as props from getStaticPaths,
 * which the dev server runs once per route and caches, while the content can
 * change under it at any moment: in dev, `current` recomputes the props from
 * the site as it is now (undefined: the entry is gone, keep the old props). A
 * build computes them once, and the incremental-build keys depend on that.
 */
export function liveProps<P>(props: P, current: (now: SiteModel) => P | undefined): P {
  if (!IS_DEV) return props;
  return current(site()) ?? props;
}
