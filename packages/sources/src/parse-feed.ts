import { XMLParser } from 'fast-xml-parser';

export interface DiscoveredItem {
  url: string;
  title: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
}

export interface Discovery {
  items: DiscoveredItem[];
  /** Child sitemaps of a sitemap index. */
  sitemaps: string[];
}

export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
  constructor(
    message: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'link'].includes(name),
});

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value)
    return text((value as { '#text': unknown })['#text']);
  return null;
}

function isoDate(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function resolve(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).toString();
  } catch {
    return null;
  }
}

/** Items of an RSS 2.0/1.0 or Atom feed, or URLs of a (news) sitemap or sitemap index. */
export function parseDiscovery(body: string, baseUrl: string): Discovery {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(body, true) as Record<string, unknown>;
  } catch (err) {
    throw new FeedParseError(`malformed XML at ${baseUrl}: ${(err as Error).message}`, baseUrl, {
      cause: err,
    });
  }
  const items: DiscoveredItem[] = [];
  const sitemaps: string[] = [];
  const rss = doc['rss'] as { channel?: { item?: unknown[] } } | undefined;
  const rdf = doc['RDF'] as { item?: unknown[] } | undefined;
  const feed = doc['feed'] as { entry?: unknown[] } | undefined;
  const urlset = doc['urlset'] as { url?: unknown[] } | undefined;
  const index = doc['sitemapindex'] as { sitemap?: unknown[] } | undefined;

  for (const raw of [...asArray(rss?.channel?.item), ...asArray(rdf?.item)]) {
    const item = raw as Record<string, unknown>;
    const url = resolve(text(asArray(item['link'] as unknown[])[0]) ?? text(item['guid']), baseUrl);
    if (url) {
      items.push({
        url,
        title: text(item['title']),
        publishedAt: isoDate(item['pubDate'] ?? item['date']),
        updatedAt: isoDate(item['updated']),
      });
    }
  }
  for (const raw of asArray(feed?.entry)) {
    const entry = raw as Record<string, unknown>;
    const links = asArray(entry['link'] as Record<string, string>[]);
    const link = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
    const url = resolve(link?.['@href'] ?? null, baseUrl);
    if (url) {
      items.push({
        url,
        title: text(entry['title']),
        publishedAt: isoDate(entry['published'] ?? entry['updated']),
        updatedAt: isoDate(entry['updated']),
      });
    }
  }
  for (const raw of asArray(urlset?.url)) {
    const entry = raw as Record<string, unknown>;
    const url = resolve(text(entry['loc']), baseUrl);
    const news = entry['news'] as Record<string, unknown> | undefined;
    if (url) {
      items.push({
        url,
        title: text(news?.['title']),
        publishedAt: isoDate(news?.['publication_date']),
        updatedAt: isoDate(entry['lastmod']),
      });
    }
  }
  for (const raw of asArray(index?.sitemap)) {
    const url = resolve(text((raw as Record<string, unknown>)['loc']), baseUrl);
    if (url) sitemaps.push(url);
  }
  if (!rss && !rdf && !feed && !urlset && !index) {
    throw new FeedParseError(`no RSS, Atom or sitemap root element at ${baseUrl}`, baseUrl);
  }
  return { items, sitemaps };
}
