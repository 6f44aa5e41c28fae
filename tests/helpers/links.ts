import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';

/** Every file under `dir`, recursively, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const absolute = path.join(current, name);
      if (statSync(absolute).isDirectory()) walk(absolute);
      else out.push(path.relative(dir, absolute).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface BuiltSite {
  outDir: string;
  /** The public origin and base, e.g. `https://example.org` and `/desk/`. */
  site: string;
  base: string;
}

export interface SiteLink {
  /** Output file the link is in, e.g. `actors/x/index.html`. */
  page: string;
  /** Element and attribute it was read from, e.g. `a[href]`. */
  from: string;
  /** The attribute as written. */
  raw: string;
  /** The attribute resolved against the page's public URL. */
  url: URL;
}

/** The public URL of an output HTML file, as a browser would see it. */
export function pageUrl(file: string, { site, base }: Pick<BuiltSite, 'site' | 'base'>): URL {
  const sitePath = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
  return new URL(`${base.replace(/\/*$/, '/')}${sitePath}`, site);
}

const LINK_ATTRIBUTES = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['area[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['iframe[src]', 'src'],
  ['source[src]', 'src'],
  ['form[action]', 'action'],
  ['meta[property="og:url"]', 'content'],
] as const;

/** Every URL-bearing attribute of every HTML page of a built site. */
export function collectLinks(built: BuiltSite, selectors: readonly (readonly [string, string])[] = LINK_ATTRIBUTES): SiteLink[] {
  const links: SiteLink[] = [];
  for (const page of listFiles(built.outDir).filter((f) => f.endsWith('.html'))) {
    const $ = cheerio.load(readFileSync(path.join(built.outDir, page), 'utf8'));
    const base = pageUrl(page, built);
    for (const [selector, attribute] of selectors) {
      $(selector).each((_, element) => {
        const raw = $(element).attr(attribute) ?? '';
        let url: URL;
        try {
          url = new URL(raw, base);
        } catch {
          url = new URL('invalid:');
        }
        links.push({ page, from: `${selector.replace(/\[.*$/, '')}[${attribute}]`, raw, url });
      });
    }
  }
  return links;
}

/** True for a link into the built site: written relative, or absolute under the site's origin and base. */
export function isInternal(link: SiteLink, { site, base }: Pick<BuiltSite, 'site' | 'base'>): boolean {
  const siteRoot = new URL(base.replace(/\/*$/, '/'), site);
  if (link.url.origin !== siteRoot.origin) return false;
  const written = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(link.raw) ? 'absolute' : 'relative';
  return written === 'relative' || link.url.pathname.startsWith(siteRoot.pathname);
}

/**
 * Checks every internal link of a built site: the target file exists, and a `#fragment`
 * names an element id in the target page. Returns one line per broken link.
 */
export function brokenLinks(built: BuiltSite, selectors?: readonly (readonly [string, string])[]): string[] {
  const siteRoot = new URL(built.base.replace(/\/*$/, '/'), built.site);
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsByFile.get(file);
    if (!ids) {
      const $ = cheerio.load(readFileSync(path.join(built.outDir, file), 'utf8'));
      ids = new Set($('[id]').map((_, el) => $(el).attr('id') ?? '').get());
      idsByFile.set(file, ids);
    }
    return ids;
  };
  const exists = (file: string) => {
    try {
      return statSync(path.join(built.outDir, file)).isFile();
    } catch {
      return false;
    }
  };

  const problems: string[] = [];
  for (const link of collectLinks(built, selectors)) {
    if (!isInternal(link, built)) continue;
    const where = `${link.page}: ${link.from}=${JSON.stringify(link.raw)}`;
    if (!link.url.pathname.startsWith(siteRoot.pathname)) {
      problems.push(`${where} is outside the base path ${siteRoot.pathname}`);
      continue;
    }
    const sitePath = decodeURIComponent(link.url.pathname.slice(siteRoot.pathname.length));
    const file = sitePath === '' || sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
    if (!exists(file)) {
      problems.push(`${where} points at ${link.url.pathname}, but ${file} was not built`);
      continue;
    }
    const fragment = decodeURIComponent(link.url.hash.slice(1));
    if (fragment && !(file.endsWith('.html') && idsOf(file).has(fragment))) {
      problems.push(`${where}: ${file} has no element with id "${fragment}"`);
    }
  }
  return problems;
}

/** Ids that occur more than once in one page, as `page: #id` lines. */
export function duplicateIds(outDir: string): string[] {
  const problems: string[] = [];
  for (const page of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
    const $ = cheerio.load(readFileSync(path.join(outDir, page), 'utf8'));
    const seen = new Set<string>();
    $('[id]').each((_, el) => {
      const id = $(el).attr('id') ?? '';
      if (seen.has(id)) problems.push(`${page}: #${id}`);
      seen.add(id);
    });
  }
  return problems;
}
