import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { provideHandoff, type BuildContext } from '../../src/pipeline/build-handoff.ts';
import { DEFAULT_PUBLICATION } from '../../src/config/settings.ts';
import type { SiteModel } from '../../src/pipeline/model.ts';
import { viewKey } from '../../src/views/cache-key.ts';
import { currentView, staticPaths } from '../../src/views/page-views.ts';
import { dynamicRoutes, singleRoutes, type RouteViews } from '../../src/views/route-views.ts';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.ts';

const CONTEXT: BuildContext = { mode: 'build', base: '/', siteUrl: 'https://desk.example.org', publication: { ...DEFAULT_PUBLICATION, name: 'Desk', tagline: 'Sourced.' }, bodyCompiler: 'pipeline@1 remark-gfm@4' };

/** Every leaf of a plain value with its path; `undefined` members are absent, as in JSON. */
function leaves(value: unknown, at: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...at, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : leaves(v, [...at, k])));
  }
  return [{ path: at, value }];
}

/** A copy of `view` with the leaf at `path` changed to a different value of the same type. */
function mutated(view: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(view) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const old = parent[last];
  parent[last] = typeof old === 'string' ? `${old}x` : typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : old === null ? 'x' : undefined;
  return copy;
}

/** Plain data only: what survives serialising is the whole view (no Map, Set, Date, class or function). */
function assertPlain(value: unknown, where: string): void {
  if (value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (Array.isArray(value)) return value.forEach((v, i) => assertPlain(v, `${where}[${i}]`));
  expect(Object.getPrototypeOf(value), `${where} is a plain object`).toBe(Object.prototype);
  for (const [k, v] of Object.entries(value as object)) assertPlain(v, `${where}.${k}`);
}

let corpus: TempCorpus;
let model: SiteModel;

beforeAll(() => {
  corpus = tempCorpus('basic');
  // A briefing that quotes another briefing's position and follows an earlier one, so
  // the views hold embeds, "what changed" pairs and chains; renamed, and withdrawn in part.
  corpus.write('briefings/third-round.mdx', [
    '---', 'title: Third round', 'summary: Brown hardens his line.', 'date: 2022-01-15', 'formerly: [round-three]',
    'sources:', '  - id: wire3', '    title: Third wire', '    publisher: Example Wire', '    url: https://example.org/wire3',
    'positions:', '  - id: brown-firmer', '    actor: bob-brown', '    stance: Brown now wants guarantees first.',
    '    follows: brown-hopeful', '    change: hardens', '    sources: [wire3]', '    formerly: [brown-firm]',
    '    withdrawn: { date: 2022-02-01, reason: Misquoted. }', '---', '',
    'Recall what <Actor id="alice-adams" /> said:<Cite source="wire3" />', '', '<Position id="adams-no-deal" />', '',
  ].join('\n'));
  const result = corpus.check();
  expect(result.errorCount, JSON.stringify(result.diagnostics)).toBe(0);
  model = result.model;
});

afterAll(() => corpus?.cleanup());

const routes = Object.entries(dynamicRoutes) as [string, RouteViews<unknown>][];

describe.each(routes)('views of %s', (route, views) => {
  const paths = () => views.all(model, CONTEXT);

  test('exist for every path and are plain, serialisable data', () => {
    expect(paths().length).toBeGreaterThan(0);
    for (const { params, view } of paths()) assertPlain(view, `${route} ${JSON.stringify(params)}`);
  });

  test('the dev server recomputes the same view for one path as the build does for all', () => {
    for (const { params, view } of paths()) expect(views.one(model, CONTEXT, params)).toEqual(view);
  });

  test('changing any one field of a view changes its key, and an unchanged view keeps its key', () => {
    let checked = 0;
    for (const { view } of paths()) {
      const key = viewKey(route, view, CONTEXT);
      expect(viewKey(route, structuredClone(view), CONTEXT)).toBe(key);
      for (const leaf of leaves(view)) {
        expect(viewKey(route, mutated(view, leaf.path), CONTEXT), `${route}: ${leaf.path.join('.')}`).not.toBe(key);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(paths().length);
  });

  test('dropping an item from any list in a view changes its key', () => {
    for (const { view } of paths()) {
      const key = viewKey(route, view, CONTEXT);
      const lists = new Set(leaves(view).flatMap(({ path }) => path.flatMap((p, i) => (typeof p === 'number' ? [JSON.stringify(path.slice(0, i))] : []))));
      for (const list of lists) {
        const copy = structuredClone(view) as Record<string | number, unknown>;
        let target: unknown = copy;
        for (const key of JSON.parse(list) as (string | number)[]) target = (target as Record<string | number, unknown>)[key];
        (target as unknown[]).pop();
        expect(viewKey(route, copy, CONTEXT), `${route}: ${list}`).not.toBe(key);
      }
    }
  });
});

describe('view keys', () => {
  test('differ between the paths of a route', () => {
    for (const [route, views] of routes) {
      const keys = views.all(model, CONTEXT).map(({ view }) => viewKey(route, view, CONTEXT));
      expect(new Set(keys).size, route).toBe(keys.length);
    }
  });

  test('change with the build context every page also reads (base path, site URL, publication) and with the body compiler', () => {
    const [route, views] = routes[0]!;
    const { view } = views.all(model, CONTEXT)[0]!;
    const key = viewKey(route, view, CONTEXT);
    for (const context of [
      { ...CONTEXT, base: '/desk/' },
      { ...CONTEXT, siteUrl: 'https://other.example.org' },
      { ...CONTEXT, publication: { ...CONTEXT.publication, name: 'Other desk' } },
      { ...CONTEXT, publication: { ...CONTEXT.publication, language: 'fr' } },
      { ...CONTEXT, bodyCompiler: 'pipeline@2 remark-gfm@4' },
    ]) {
      expect(viewKey(route, view, context)).not.toBe(key);
    }
  });

  test('a briefing whose body has MDX code is never keyed: its imports are invisible to the view', () => {
    const briefingRoute = dynamicRoutes['briefings/[slug]'] as RouteViews<unknown>;
    const briefings = briefingRoute.all(model, CONTEXT);
    expect(briefings.every(({ keyed }) => keyed)).toBe(true);
    const withCode = { ...model, briefings: model.briefings.map((b, i) => (i === 0 ? { ...b, usesCode: true } : b)) };
    expect(briefingRoute.all(withCode, CONTEXT)[0]!.keyed).toBe(false);
  });
});

describe.each(Object.entries(singleRoutes))('the view of %s', (route, build) => {
  test('is plain, serialisable data', () => {
    assertPlain((build as (m: SiteModel, c: BuildContext) => unknown)(model, CONTEXT), route);
  });
});

describe('page-views: what the pages get', () => {
  const handoff = (mode: BuildContext['mode'], current: () => SiteModel) => provideHandoff({ context: { ...CONTEXT, mode }, model: current });
  afterAll(() => provideHandoff(undefined as never));

  test('staticPaths gives every path its view as props and the key of exactly that view', () => {
    handoff('build', () => model);
    for (const route of Object.keys(dynamicRoutes) as (keyof typeof dynamicRoutes)[]) {
      const paths = staticPaths(route);
      expect(paths.length, route).toBeGreaterThan(0);
      for (const { props, cacheKey } of paths) {
        expect(cacheKey, route).toBe(route === 'data/[name].json' ? undefined : viewKey(route, props, { ...CONTEXT, mode: 'build' }));
      }
    }
  });

  test('in a build a page renders the props it was given; in dev the view of the model as it is now', () => {
    const [first] = staticPaths('briefings/[slug]');
    const stale = { ...first!.props, briefing: { ...first!.props.briefing, title: 'Stale title' } };
    handoff('build', () => model);
    expect(currentView('briefings/[slug]', first!.params, stale).briefing.title).toBe('Stale title');
    handoff('dev', () => model);
    expect(currentView('briefings/[slug]', first!.params, stale).briefing.title).toBe(first!.props.briefing.title);
    // A path that no longer exists keeps what it had (the dev server answers 404 once its paths are refreshed).
    expect(currentView('briefings/[slug]', { slug: 'gone' }, stale)).toBe(stale);
  });
});
