import { expect, test } from 'vitest';
import config from '../../astro.config.mjs';

/** Astro runs each hook of the integrations one after the other, in this order. */
const names = () => (config.integrations ?? []).flat().map((integration) => (integration as { name: string }).name);

test('integrations run in the order the build relies on', () => {
  const order = names();
  const at = (name: string) => {
    expect(order, name).toContain(name);
    return order.indexOf(name);
  };
  // Empties the output and links the cached pages in before anything writes there.
  expect(at('cached-pages')).toBe(0);
  // The content check hands the model to everything after it.
  expect(at('briefing-content')).toBeLessThan(at('share-cards'));
  // The pages are done when astro:build:done starts: Pagefind indexes them while the last
  // cards are drawn, instead of after share-cards has waited for them.
  expect(at('search-index')).toBeLessThan(at('share-cards'));
  // Records the published URLs only once every other step got through.
  expect(at('published-urls-ledger')).toBe(order.length - 1);
});
