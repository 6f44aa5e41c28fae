import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/generate.ts';
import { checkContent } from '../../src/pipeline/content-check.ts';
import type { SiteModel } from '../../src/pipeline/model.ts';
import { publishedUrls } from '../../src/pipeline/links/published-urls.ts';
import { routes } from '../../src/routes.ts';
import { monthOf, monthsOf } from '../../src/util/months.ts';
import { BRIEFINGS_LATEST, TOPIC_BRIEFINGS_LATEST, TOPIC_POSITIONS_LATEST } from '../../src/views/archive.ts';
import { briefingsMonthViews, briefingsPageView } from '../../src/views/list-pages.ts';
import { topicMonthViews, topicPageView } from '../../src/views/topic-page.ts';
import { DEFAULT_PUBLICATION } from '../../src/config/settings.ts';
import type { BuildContext } from '../../src/pipeline/build-handoff.ts';
import { actorFeedView, briefingFeedView, FEED_ITEMS } from '../../src/views/feeds.ts';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.ts';

/** A generated corpus far larger than any list's limit, spread over many months. */
let corpus: TempCorpus;
let model: SiteModel;
beforeAll(() => {
  corpus = tempCorpus();
  writeCorpus(generateCorpus({ briefings: 300, actors: 30, seed: 7 }), corpus.contentDir, 7);
  model = checkContent({ root: corpus.root, contentDir: corpus.contentDir, today: '2030-01-01', checkLinks: false }).model;
});
afterAll(() => corpus.cleanup());

describe('/briefings/ and its months', () => {
  test('the index lists only the latest briefings and links every month', () => {
    const view = briefingsPageView(model);
    expect(model.briefings.length).toBeGreaterThan(BRIEFINGS_LATEST * 3);
    expect(view.latest.map((b) => b.slug)).toEqual(model.briefings.slice(0, BRIEFINGS_LATEST).map((b) => b.slug));
    expect(view.months.map((m) => m.month)).toEqual(monthsOf(model.briefings));
    expect(view.months.reduce((n, m) => n + m.count, 0)).toBe(model.briefings.length);
  });

  test('every briefing is on exactly one month page, the month it is dated in, newest first', () => {
    const months = briefingsMonthViews(model);
    const seen = months.flatMap((m) => m.briefings.map((b) => ({ slug: b.slug, month: m.month, date: b.date })));
    expect(seen.map((s) => s.slug).sort()).toEqual(model.briefings.map((b) => b.slug).sort());
    for (const entry of seen) expect(monthOf(entry.date)).toBe(entry.month);
    for (const m of months) expect(m.briefings.map((b) => b.date)).toEqual([...m.briefings.map((b) => b.date)].sort().reverse());
  });

  test('a month page keeps showing the same briefings when newer ones are published', () => {
    const [newest, ...rest] = model.briefings;
    const smaller = { ...model, briefings: rest };
    const before = briefingsMonthViews(smaller);
    const after = briefingsMonthViews(model);
    for (const month of before) {
      if (month.month === monthOf(newest!.date)) continue;
      expect(after.find((m) => m.month === month.month)!.briefings).toEqual(month.briefings);
    }
  });

  test('months link their neighbours, and the ledger and sitemap know every month page', () => {
    const months = briefingsMonthViews(model);
    expect(months[0]!.newer).toBeUndefined();
    expect(months.at(-1)!.older).toBeUndefined();
    for (let i = 1; i < months.length; i++) expect(months[i]!.newer).toBe(months[i - 1]!.month);
    const urls = new Set(publishedUrls(model));
    for (const m of months) expect(urls.has(routes.briefingsInMonth(m.month)), m.month).toBe(true);
    expect(routes.briefingsInMonth('2022-01')).toBe('/briefings/2022/01/');
  });
});

describe('topic pages and their months', () => {
  test('a topic page is bounded, and its months hold every briefing and position on the topic', () => {
    const topic = [...model.topics].sort((a, b) => b.positions.length - a.positions.length)[0]!;
    expect(topic.positions.length).toBeGreaterThan(TOPIC_POSITIONS_LATEST);
    const page = topicPageView(model, topic);
    expect(page.briefings.length).toBeLessThanOrEqual(TOPIC_BRIEFINGS_LATEST);
    expect(page.groups.flatMap((g) => g.positions).length).toBe(TOPIC_POSITIONS_LATEST);
    expect([page.briefingTotal, page.positionTotal]).toEqual([topic.briefings.length, topic.positions.length]);
    const months = topicMonthViews(model, topic);
    expect(months.map((m) => m.month)).toEqual(page.months.map((m) => m.month));
    expect(months.flatMap((m) => m.groups.flatMap((g) => g.positions.map((p) => p.position.id))).sort()).toEqual(topic.positions.map((p) => p.id).sort());
    expect(months.flatMap((m) => m.briefings.map((b) => b.slug)).sort()).toEqual(topic.briefings.map((b) => b.slug).sort());
    const urls = new Set(publishedUrls(model));
    for (const m of months) expect(urls.has(routes.topicInMonth(topic.slug, m.month)), m.month).toBe(true);
  });

  test('the latest positions on a topic are the newest ones', () => {
    const topic = model.topics[0]!;
    const shown = topicPageView(model, topic).groups.flatMap((g) => g.positions.map((p) => p.position.date));
    const newest = [...topic.positions].map((p) => p.date).sort().reverse();
    expect(Math.min(...shown.map((d) => Date.parse(d)))).toBeGreaterThanOrEqual(Date.parse(newest[Math.min(TOPIC_POSITIONS_LATEST, newest.length) - 1]!));
  });
});

describe('feeds', () => {
  const context: BuildContext = { mode: 'build', base: '/', siteUrl: 'https://desk.example.org', publication: DEFAULT_PUBLICATION, bodyCompiler: 'x' };

  test('carry the latest items only, newest first, whatever the size of the archive', () => {
    const feed = briefingFeedView(model, context);
    expect(feed.items).toHaveLength(FEED_ITEMS);
    expect(feed.items.map((i) => i.url)).toEqual(model.briefings.filter((b) => !b.withdrawn).slice(0, FEED_ITEMS).map((b) => `https://desk.example.org/briefings/${b.slug}/`));
    const busiest = [...model.actors].sort((a, b) => (model.positionsByActor.get(b.id)?.length ?? 0) - (model.positionsByActor.get(a.id)?.length ?? 0))[0]!;
    expect(model.positionsByActor.get(busiest.id)!.length).toBeGreaterThan(FEED_ITEMS);
    const positions = actorFeedView(model, context, busiest, 'rss').items;
    expect(positions).toHaveLength(FEED_ITEMS);
    expect(positions.map((i) => i.date)).toEqual([...positions.map((i) => i.date)].sort().reverse());
  });
});
