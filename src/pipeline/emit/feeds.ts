/**
 * Feeds (RSS 2.0 and JSON Feed 1.1) from one list of items, so the two formats
 * always say the same thing. URLs are absolute; dates are the content's own
 * (no build timestamp), so feeds are identical between builds.
 */
import { getRssString } from '@astrojs/rss';

export interface FeedItem {
  /** Absolute URL; also the item's stable id. */
  url: string;
  title: string;
  /** Plain text; escaped by the serialisers. */
  summary: string;
  /** YYYY-MM-DD */
  date: string;
  updated?: string;
  authors: string[];
  categories: string[];
}

export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of the page the feed belongs to. */
  homeUrl: string;
  /** Absolute URL of this JSON feed / RSS feed. */
  feedUrl: string;
  /** The publication's, on every feed it publishes. */
  publication: FeedPublication;
}

export interface FeedPublication {
  /** BCP 47 tag of the site's language. */
  language: string;
  /** Absolute URL of the 512 px square icon (JSON Feed `icon`, RSS `<image>`). */
  iconUrl: string;
  /** Absolute URL of the 32 px favicon (JSON Feed `favicon`). */
  faviconUrl: string;
  /** Licence of the text, for RSS `<copyright>`. */
  license?: string;
}

const utcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);

export function rssFeed(meta: FeedMeta, items: FeedItem[]): Promise<string> {
  return getRssString({
    title: meta.title,
    description: meta.description,
    site: meta.homeUrl,
    trailingSlash: true,
    customData: [
      `<language>${escapeXml(meta.publication.language)}</language>`,
      `<image><url>${escapeXml(meta.publication.iconUrl)}</url><title>${escapeXml(meta.title)}</title><link>${escapeXml(meta.homeUrl)}</link></image>`,
      ...(meta.publication.license ? [`<copyright>${escapeXml(meta.publication.license)}</copyright>`] : []),
    ].join(''),
    items: items.map((item) => ({
      title: item.title,
      link: item.url,
      // Readers render <description> as HTML: escape the text as HTML, the XML layer escapes it again.
      description: escapeHtml(item.summary),
      pubDate: utcMidnight(item.date),
      categories: item.categories,
      ...(item.authors.length ? { customData: `<dc:creator>${escapeXml(item.authors.join(', '))}</dc:creator>` } : {}),
    })),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
  });
}

export function jsonFeed(meta: FeedMeta, items: FeedItem[], rssUrl: string): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    description: meta.description,
    home_page_url: meta.homeUrl,
    feed_url: meta.feedUrl,
    icon: meta.publication.iconUrl,
    favicon: meta.publication.faviconUrl,
    language: meta.publication.language,
    _rss: rssUrl,
    items: items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_text: item.summary,
      date_published: utcMidnight(item.date).toISOString(),
      ...(item.updated ? { date_modified: utcMidnight(item.updated).toISOString() } : {}),
      ...(item.authors.length ? { authors: item.authors.map((name) => ({ name })) } : {}),
      ...(item.categories.length ? { tags: item.categories } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** Text as HTML text: a summary that reads `<img onerror=…>` stays those characters in every reader. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}
