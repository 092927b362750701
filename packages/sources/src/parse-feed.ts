import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toIsoDate } from '@wirehose/dates';
import { toPlainTextOrNull } from '@wirehose/text';

/** One item of a feed, sitemap or section page. Every text field is plain text. */
export interface DiscoveredItem {
  url: string;
  title: string | null;
  /** ISO 8601 with the offset the feed states (see @wirehose/dates). */
  publishedAt: string | null;
  updatedAt: string | null;
  /** RSS guid, Atom id or JSON Feed id, as written; null when the item has none. */
  guid: string | null;
  /** Author names (RSS author or dc:creator, Atom author name, JSON Feed authors). */
  authors: string[];
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

const ITEM_TAGS = new Set(['item', 'entry', 'url', 'sitemap', 'link', 'author', 'creator']);

/**
 * Elements holding text meant for people: kept raw (stop nodes), so inline markup (declared XHTML or
 * not) cannot truncate them, then turned into plain text. Prefixes are kept (no namespace stripping):
 * `media:title` and `title` stay apart.
 */
const TEXT_ELEMENTS = [
  '*.title',
  '*.atom:title',
  '*.a10:title',
  '*.dc:title',
  '*.media:title',
  '*.news:title',
  '*.item.author',
  '*.author.name',
  '*.atom:author.atom:name',
  '*.a10:author.a10:name',
  '*.dc:creator',
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: false,
  parseTagValue: false,
  htmlEntities: true,
  stopNodes: TEXT_ELEMENTS,
  isArray: (name) => ITEM_TAGS.has(localName(name)),
});

type Node = Record<string, unknown>;

/** Prefixes whose elements only stand in when the plain element is missing (`media:title`). */
const SECONDARY_PREFIXES = new Set(['media', 'itunes', 'googleplay', 'podcast', 'feedburner']);

function localName(name: string): string {
  const at = name.indexOf(':');
  return at < 0 ? name : name.slice(at + 1);
}

function prefixOf(name: string): string {
  const at = name.indexOf(':');
  return at < 0 ? '' : name.slice(0, at);
}

/** Values of a node's children (or `@` attributes) with this local name: unprefixed first, then prefixed, then secondary vocabularies. */
function children(node: Node | undefined, name: string): unknown[] {
  if (!node || typeof node !== 'object') return [];
  const rank = (key: string): number => {
    const prefix = prefixOf(key.replace(/^@/, ''));
    return prefix === '' ? 0 : SECONDARY_PREFIXES.has(prefix) ? 2 : 1;
  };
  const wanted = name.startsWith('@');
  return Object.keys(node)
    .filter(
      (key) => key.startsWith('@') === wanted && localName(key.replace(/^@/, '')) === name.replace(/^@/, ''),
    )
    .sort((a, b) => rank(a) - rank(b))
    .flatMap((key) => asArray(node[key]));
}

function child(node: Node | undefined, ...names: string[]): unknown {
  for (const name of names) {
    const found = children(node, name)[0];
    if (found !== undefined) return found;
  }
  return undefined;
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Text of a plain element (a link, a date, an id). */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object' && '#text' in value) return text(value['#text']);
  return null;
}

function unwrapCdata(raw: string): string {
  return raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
}

/**
 * Plain text of a text element kept raw: Atom 0.3 `mode="base64"` decoded, CDATA unwrapped, then
 * markup removed and entities decoded whatever the declared type (text, html, xhtml or none).
 */
function plain(value: unknown): string | null {
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  let raw: string;
  let mode: unknown;
  if (typeof first === 'string' || typeof first === 'number') raw = String(first);
  else if (first && typeof first === 'object') {
    const inner = (first as Node)['#text'];
    raw = typeof inner === 'string' || typeof inner === 'number' ? String(inner) : '';
    mode = (first as Node)['@mode'];
  } else return null;
  raw = unwrapCdata(raw);
  if (mode === 'base64') raw = Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8');
  return toPlainTextOrNull(raw);
}

/** A name from RSS `author` ("desk@news.example (Ann Lee)" gives "Ann Lee"). */
function authorName(value: string | null): string | null {
  if (!value) return null;
  const inParens = /^\S+@\S+\s*\((.+)\)$/.exec(value);
  if (inParens?.[1]) return inParens[1].trim() || null;
  return /^\S+@\S+$/.test(value) ? null : value;
}

function authorsOf(node: Node): string[] {
  const names = [
    ...children(node, 'author').map((a) =>
      a && typeof a === 'object' && children(a as Node, 'name').length > 0
        ? plain(children(a as Node, 'name')[0])
        : authorName(plain(a)),
    ),
    ...children(node, 'creator').map(plain),
  ];
  return [...new Set(names.filter((n): n is string => n !== null))];
}

function date(value: unknown): string | null {
  return toIsoDate(text(value));
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

/** An id or guid that is itself an absolute http(s) URL. */
function urlId(value: string | null): string | null {
  return value && /^https?:\/\//i.test(value) ? resolve(value, value) : null;
}

function rssItem(item: Node, base: string): DiscoveredItem | null {
  const links = children(item, 'link');
  // RSS <link>text</link>; an atom:link inside RSS carries @href instead.
  const linkText = links.map(text).find((l): l is string => l !== null);
  const linkHref = links
    .map((l) => (l && typeof l === 'object' ? text(child(l as Node, '@href')) : null))
    .find((h): h is string => h !== null);
  const guidNode = child(item, 'guid');
  const guid = text(guidNode);
  const permalink =
    guidNode && typeof guidNode === 'object' ? text(child(guidNode as Node, '@isPermaLink')) : null;
  const guidLink = permalink === 'false' ? null : permalink === 'true' ? resolve(guid, base) : urlId(guid);
  const about = text(child(item, '@about'));
  const url = resolve(linkText ?? linkHref ?? null, base) ?? guidLink ?? resolve(about, base);
  if (!url) return null;
  return {
    url,
    title: plain(child(item, 'title')),
    publishedAt: date(child(item, 'pubDate', 'date', 'issued', 'published', 'created')),
    updatedAt: date(child(item, 'updated', 'modified')),
    guid: guid ?? about,
    authors: authorsOf(item),
  };
}

function atomEntry(entry: Node, base: string): DiscoveredItem | null {
  const links = children(entry, 'link');
  const tagged = links.filter(
    (l): l is Node => l !== null && typeof l === 'object' && text(child(l as Node, '@href')) !== null,
  );
  const alternate = tagged.find((l) => {
    const rel = text(child(l, '@rel'));
    return !rel || rel === 'alternate';
  });
  const href =
    text(child(alternate ?? tagged[0], '@href')) ?? links.map(text).find((l) => l !== null) ?? null;
  const entryBase = resolve(text(child(entry, '@base')), base) ?? base;
  const id = text(child(entry, 'id'));
  const url = resolve(href, entryBase) ?? urlId(id);
  if (!url) return null;
  return {
    url,
    title: plain(child(entry, 'title')),
    publishedAt: date(child(entry, 'published', 'issued', 'created', 'updated')),
    updatedAt: date(child(entry, 'updated', 'modified')),
    guid: id,
    authors: authorsOf(entry),
  };
}

function sitemapUrl(entry: Node, base: string): DiscoveredItem | null {
  const url = resolve(text(child(entry, 'loc')), base);
  if (!url) return null;
  const news = children(entry, 'news')[0] as Node | undefined;
  return {
    url,
    title: plain(child(news, 'title')),
    publishedAt: date(child(news, 'publication_date')),
    updatedAt: date(child(entry, 'lastmod')),
    guid: null,
    authors: [],
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
      const url = resolve(text(child(node, 'loc')), base);
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
  const nodesOf = (parent: unknown, name: string): Node[] =>
    children((parent ?? {}) as Node, name).filter((n): n is Node => n !== null && typeof n === 'object');
  const rss = child(doc, 'rss');
  if (rss !== undefined) return { format: 'rss', nodes: nodesOf(child(rss as Node, 'channel'), 'item') };
  const rdf = child(doc, 'RDF');
  if (rdf !== undefined)
    return {
      format: 'rdf',
      nodes: [...nodesOf(rdf, 'item'), ...nodesOf(child(rdf as Node, 'channel'), 'item')],
    };
  const feed = child(doc, 'feed');
  if (feed !== undefined) return { format: 'atom', nodes: nodesOf(feed, 'entry') };
  const urlset = child(doc, 'urlset');
  if (urlset !== undefined) return { format: 'urlset', nodes: nodesOf(urlset, 'url') };
  const index = child(doc, 'sitemapindex');
  if (index !== undefined) return { format: 'sitemapindex', nodes: nodesOf(index, 'sitemap') };
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
 * Text elements with their content escaped (CDATA unwrapped first), so markup that is not well-formed
 * inside a title or an author (`<br>`, an unclosed `<b>`) does not make its item unreadable.
 */
function escapeTextElements(chunk: string): string {
  return chunk.replace(
    /<((?:[\w-]+:)?(?:title|author|name|creator))(\s[^>]*)?>([\s\S]*?)<\/\1\s*>/g,
    (_m, tag: string, attrs: string | undefined, inner: string) =>
      `<${tag}${attrs ?? ''}>${unwrapCdata(inner)
        .replace(/&(?!(?:#\d+|#x[0-9a-f]+|[a-z]\w*);)/gi, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')}</${tag}>`,
  );
}

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
  for (const [raw] of body.matchAll(re)) {
    const chunk = escapeTextElements(raw);
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
    const id = text(item['id']);
    const url = resolve(text(item['url']) ?? text(item['external_url']), base) ?? urlId(id);
    if (!url) {
      skipped += 1;
      continue;
    }
    // JSON Feed 1.1 has `authors`, 1.0 a single `author`.
    const authors = [...asArray(item['authors'] as unknown[]), ...asArray(item['author'])]
      .map((a) => plain(a && typeof a === 'object' ? (a as Node)['name'] : null))
      .filter((n): n is string => n !== null);
    items.push({
      url,
      title: plain(item['title']),
      publishedAt: date(item['date_published']),
      updatedAt: date(item['date_modified']),
      guid: id,
      authors: [...new Set(authors)],
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
