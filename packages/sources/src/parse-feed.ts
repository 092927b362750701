import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface DiscoveredItem {
  url: string;
  title: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
}

/** What the body turned out to be. */
export type DiscoveryFormat = 'rss' | 'rdf' | 'atom' | 'jsonfeed' | 'urlset' | 'sitemapindex' | 'html';

export interface Discovery {
  format: DiscoveryFormat;
  items: DiscoveredItem[];
  /** Child sitemaps of a sitemap index. */
  sitemaps: string[];
  /**
   * Problems that did not stop discovery (malformed XML recovered item by item, items without a
   * usable link). Empty for a clean document.
   */
  problems: string[];
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

const ITEM_TAGS = ['item', 'entry', 'url', 'sitemap'] as const;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  htmlEntities: true,
  isArray: (name) => [...ITEM_TAGS, 'link'].includes(name),
});

type Node = Record<string, unknown>;

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
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
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function rssItem(item: Node, base: string): DiscoveredItem | null {
  const links = asArray(item['link'] as unknown[]);
  // RSS <link>text</link>; an atom:link inside RSS carries @href instead.
  const linkText = links.map(text).find((l): l is string => l !== null);
  const linkHref = links
    .map((l) => (l && typeof l === 'object' ? ((l as Node)['@href'] as string | undefined) : undefined))
    .find((h): h is string => typeof h === 'string');
  const guid = item['guid'];
  const guidIsLink =
    !(guid && typeof guid === 'object' && (guid as Node)['@isPermaLink'] === 'false') && text(guid);
  const url = resolve(
    linkText ?? linkHref ?? (guidIsLink || null) ?? (item['@about'] as string | undefined) ?? null,
    base,
  );
  if (!url) return null;
  return {
    url,
    title: text(item['title']),
    publishedAt: isoDate(item['pubDate'] ?? item['date'] ?? item['issued']),
    updatedAt: isoDate(item['updated'] ?? item['modified']),
  };
}

function atomEntry(entry: Node, base: string): DiscoveredItem | null {
  const links = asArray(entry['link'] as Node[]).filter((l) => l && typeof l === 'object');
  const link = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
  const url = resolve(
    (link?.['@href'] as string | undefined) ?? null,
    (entry['@base'] as string | undefined) ?? base,
  );
  if (!url) return null;
  return {
    url,
    title: text(entry['title']),
    publishedAt: isoDate(entry['published'] ?? entry['issued'] ?? entry['updated']),
    updatedAt: isoDate(entry['updated'] ?? entry['modified']),
  };
}

function sitemapUrl(entry: Node, base: string): DiscoveredItem | null {
  const url = resolve(text(entry['loc']), base);
  if (!url) return null;
  const news = asArray(entry['news'] as Node[])[0];
  return {
    url,
    title: text(news?.['title']),
    publishedAt: isoDate(news?.['publication_date']),
    updatedAt: isoDate(entry['lastmod']),
  };
}

function collect(
  format: DiscoveryFormat,
  nodes: Node[],
  base: string,
  problems: string[],
): { items: DiscoveredItem[]; sitemaps: string[] } {
  const items: DiscoveredItem[] = [];
  const sitemaps: string[] = [];
  let skipped = 0;
  for (const node of nodes) {
    if (format === 'sitemapindex') {
      const url = resolve(text(node['loc']), base);
      if (url) sitemaps.push(url);
      else skipped += 1;
      continue;
    }
    const item =
      format === 'atom'
        ? atomEntry(node, base)
        : format === 'urlset'
          ? sitemapUrl(node, base)
          : rssItem(node, base);
    if (item) items.push(item);
    else skipped += 1;
  }
  if (skipped > 0) problems.push(`${skipped} item(s) without a usable http(s) link skipped`);
  return { items, sitemaps };
}

function fromDocument(doc: Node): { format: DiscoveryFormat; nodes: Node[] } | null {
  const rss = doc['rss'] as { channel?: Node } | undefined;
  if (rss) return { format: 'rss', nodes: asArray((rss.channel ?? {})['item'] as Node[]) };
  const rdf = doc['RDF'] as Node | undefined;
  if (rdf) {
    const channel = asArray(rdf['channel'] as Node[])[0] ?? {};
    return {
      format: 'rdf',
      nodes: [...asArray(rdf['item'] as Node[]), ...asArray(channel['item'] as Node[])],
    };
  }
  const feed = doc['feed'] as Node | undefined;
  if (feed) return { format: 'atom', nodes: asArray(feed['entry'] as Node[]) };
  const urlset = doc['urlset'] as Node | undefined;
  if (urlset !== undefined) return { format: 'urlset', nodes: asArray((urlset || {})['url'] as Node[]) };
  const index = doc['sitemapindex'] as Node | undefined;
  if (index !== undefined)
    return { format: 'sitemapindex', nodes: asArray((index || {})['sitemap'] as Node[]) };
  return null;
}

const ROOTS: [RegExp, DiscoveryFormat, string][] = [
  [/<rss[\s>]/i, 'rss', 'item'],
  [/<(?:\w+:)?RDF[\s>]/, 'rdf', 'item'],
  [/<feed[\s>]/i, 'atom', 'entry'],
  [/<urlset[\s>]/i, 'urlset', 'url'],
  [/<sitemapindex[\s>]/i, 'sitemapindex', 'sitemap'],
];

/**
 * Recover what can be recovered from malformed XML: find the root kind, then parse each item element
 * on its own, so one broken item (or a broken tail) does not lose the others.
 */
function recover(body: string, base: string, problems: string[]): Discovery | null {
  const root = ROOTS.map(([re, format, tag]) => ({ at: body.search(re), format, tag }))
    .filter((r) => r.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  if (!root) return null;
  const nodes: Node[] = [];
  let broken = 0;
  const re = new RegExp(`<((?:\\w+:)?${root.tag})(?:\\s[^>]*)?>[\\s\\S]*?</\\1\\s*>`, 'g');
  for (const [chunk] of body.matchAll(re)) {
    try {
      if (XMLValidator.validate(chunk) !== true) throw new Error('invalid');
      const doc = parser.parse(chunk) as Node;
      const node = asArray(Object.values(doc)[0] as Node[])[0];
      if (node && typeof node === 'object') nodes.push(node);
      else broken += 1;
    } catch {
      broken += 1;
    }
  }
  if (broken > 0) problems.push(`${broken} malformed item(s) skipped`);
  return { format: root.format, ...collect(root.format, nodes, base, problems), problems };
}

function parseJsonFeed(body: string, base: string): Discovery {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    throw new FeedParseError(`malformed JSON Feed at ${base}: ${(err as Error).message}`, base, {
      cause: err,
    });
  }
  const feed = doc as { version?: unknown; items?: unknown };
  if (!feed || typeof feed !== 'object' || !Array.isArray(feed.items))
    throw new FeedParseError(`not a JSON Feed at ${base}: no "items" array`, base);
  const problems: string[] = [];
  const items: DiscoveredItem[] = [];
  let skipped = 0;
  for (const raw of feed.items as unknown[]) {
    const item = (raw ?? {}) as Node;
    const url = resolve(
      text(item['url']) ??
        text(item['external_url']) ??
        (/^https?:/i.test(text(item['id']) ?? '') ? text(item['id']) : null),
      base,
    );
    if (!url) {
      skipped += 1;
      continue;
    }
    items.push({
      url,
      title: text(item['title']),
      publishedAt: isoDate(item['date_published']),
      updatedAt: isoDate(item['date_modified']),
    });
  }
  if (skipped > 0) problems.push(`${skipped} item(s) without a usable http(s) link skipped`);
  return { format: 'jsonfeed', items, sitemaps: [], problems };
}

export interface ParseOptions {
  /** Content-Type of the response, used to spot JSON Feed. */
  contentType?: string | null;
}

/**
 * Items of an RSS 0.9x/1.0/2.0, Atom or JSON Feed, or URLs of a (Google News) sitemap, or the child
 * sitemaps of a sitemap index. Malformed XML is recovered item by item (the problem is reported in
 * `problems`); a body with no recognisable root throws FeedParseError.
 */
export function parseDiscovery(body: string, baseUrl: string, options: ParseOptions = {}): Discovery {
  const trimmed = body.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || /json/i.test(options.contentType ?? ''))
    return parseJsonFeed(trimmed, baseUrl);
  const problems: string[] = [];
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) {
    const where = `line ${valid.err.line}, column ${valid.err.col}`;
    problems.push(`malformed XML at ${baseUrl} (${where}): ${valid.err.msg}`);
    const recovered = recover(trimmed, baseUrl, problems);
    if (!recovered)
      throw new FeedParseError(`malformed XML at ${baseUrl} (${where}): ${valid.err.msg}`, baseUrl);
    return recovered;
  }
  const doc = parser.parse(trimmed) as Node;
  const found = fromDocument(doc);
  if (!found)
    throw new FeedParseError(`no RSS, Atom, JSON Feed or sitemap root element at ${baseUrl}`, baseUrl);
  return { format: found.format, ...collect(found.format, found.nodes, baseUrl, problems), problems };
}
