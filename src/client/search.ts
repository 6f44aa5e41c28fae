/**
 * The only JavaScript readers get, and only on /search/: it loads the Pagefind
 * index built at build time and shows results. Everything is built with DOM
 * APIs (textContent), never innerHTML with index data, except Pagefind's
 * excerpt, whose only markup is <mark> and which we rebuild safely.
 */
import { BUNDLE_LIST, MAIN_BUNDLE } from '../pipeline/emit/search-bundles.ts';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(o: { baseUrl: string }): Promise<void>;
  mergeIndex(bundlePath: string): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const MAX_RESULTS = 20;

/** Pagefind excerpts are text with <mark> highlights; rebuild them as DOM nodes. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  const parts = excerpt.split(/(<mark>.*?<\/mark>)/g);
  const decode = (s: string) => new DOMParser().parseFromString(s, 'text/html').documentElement.textContent ?? '';
  for (const part of parts) {
    const marked = /^<mark>(.*)<\/mark>$/.exec(part);
    if (marked) {
      const mark = document.createElement('mark');
      mark.textContent = decode(marked[1] ?? '');
      nodes.push(mark);
    } else if (part) nodes.push(document.createTextNode(decode(part)));
  }
  return nodes;
}

export async function runSearchPage(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#search-input');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const status = document.querySelector<HTMLElement>('#search-status');
  const form = input?.form;
  if (!input || !list || !status || !form) return;
  const base = list.dataset.base ?? '/';
  let loading: Promise<Pagefind> | undefined;

  // One load for every search, even those typed before the first finished.
  const load = () =>
    (loading ??= (async () => {
      const root = base.replace(/\/$/, '');
      const listed = fetch(`${root}/${BUNDLE_LIST}`).then((response) => response.json() as Promise<{ bundles: string[] }>);
      const engine = (await import(/* @vite-ignore */ `${root}/${MAIN_BUNDLE}/pagefind.js`)) as Pagefind;
      await engine.options({ baseUrl: base });
      // The index is written in parts (pipeline/emit/search-bundles.ts); results come back as one list.
      for (const bundle of (await listed).bundles) if (bundle !== MAIN_BUNDLE) await engine.mergeIndex(`${root}/${bundle}/`);
      return engine;
    })());

  let latest = 0;
  const run = async (query: string) => {
    const ticket = ++latest;
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    const engine = await load();
    const found = await engine.search(query);
    const results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (ticket !== latest) return;
    status.textContent = found.results.length === 0 ? `No results for “${query}”.` : `${found.results.length} results for “${query}”.`;
    for (const result of results) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      const excerpt = document.createElement('p');
      excerpt.append(...excerptNodes(result.excerpt));
      item.append(link, excerpt);
      list.append(item);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    void run(input.value);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 200);
  });
  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    await run(initial);
  }
}
