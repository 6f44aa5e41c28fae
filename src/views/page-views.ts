/**
 * How pages get their views: `staticPaths` for a route's getStaticPaths, with
 * each path's view as its props and the key derived from it; `currentView` for
 * the page to read them; `pageView` for routes with one path. The model comes
 * from the build handoff, and only this module takes it from there.
 */
import { receiveHandoff } from '../pipeline/build-handoff.ts';
import { viewKey } from './cache-key.ts';
import { dynamicRoutes, singleRoutes, type DynamicRoute, type RouteViews, type SingleRoute, type SingleViewOf, type ViewOf } from './route-views.ts';

const viewsOf = <R extends DynamicRoute>(route: R) => dynamicRoutes[route] as unknown as RouteViews<ViewOf<R>>;

export function staticPaths<R extends DynamicRoute>(route: R) {
  const { model, context } = receiveHandoff();
  // Keys serve the build's incremental pages only; the dev server renders every request.
  const keys = context.mode === 'build';
  return viewsOf(route)
    .all(model(), context)
    // Astro types props as an index signature, which interfaces lack.
    .map(({ params, view, keyed }) => ({ params, props: view as ViewOf<R> & Record<string, unknown>, cacheKey: keyed && keys ? viewKey(route, view, context) : undefined }));
}

/**
 * The page's view as of now. A build computes views once, in getStaticPaths, and
 * the keys depend on that. The dev server runs getStaticPaths once per route and
 * caches it while the content changes under it, so in dev the view is recomputed
 * from the current model (kept as it was if the path is gone).
 */
export function currentView<R extends DynamicRoute>(route: R, params: Record<string, string | undefined>, props: ViewOf<R>): ViewOf<R> {
  const { model, context } = receiveHandoff();
  if (context.mode !== 'dev') return props;
  return viewsOf(route).one(model(), context, params as Record<string, string>) ?? props;
}

export function pageView<R extends SingleRoute>(route: R): SingleViewOf<R> {
  const { model, context } = receiveHandoff();
  return singleRoutes[route](model(), context) as SingleViewOf<R>;
}
