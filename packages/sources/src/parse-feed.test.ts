import { describe, expect, it } from 'vitest';
import { FeedParseError, parseDiscovery } from './parse-feed.js';
import { parseSectionPage } from './parse-section.js';

const base = 'https://news.example/feed';

describe('parseDiscovery', () => {
  it('reads RSS 2.0 items with dates, CDATA titles and entities', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
      <atom:link href="https://news.example/feed" rel="self"/>
      <item><title><![CDATA[Talks & <b>truce</b>]]></title><link>https://news.example/a</link>
        <pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate></item>
      <item><title>Rates &amp; bonds</title><link>/b</link><guid isPermaLink="false">x1</guid></item>
    </channel></rss>`;
    const d = parseDiscovery(xml, base);
    expect(d.format).toBe('rss');
    expect(d.items).toEqual([
      {
        url: 'https://news.example/a',
        title: 'Talks & truce',
        publishedAt: '2025-06-03T10:00:00.000Z',
        updatedAt: null,
        guid: null,
        authors: [],
      },
      {
        url: 'https://news.example/b',
        title: 'Rates & bonds',
        publishedAt: null,
        updatedAt: null,
        guid: 'x1',
        authors: [],
      },
    ]);
    expect(d.problems).toEqual([]);
  });

  it('reads RSS 0.91 and takes a permalink guid when there is no link', () => {
    const xml = `<rss version="0.91"><channel><title>x</title>
      <item><title>Old</title><link>https://news.example/old</link></item>
      <item><title>Guid only</title><guid>https://news.example/guid</guid></item></channel></rss>`;
    expect(parseDiscovery(xml, base).items.map((i) => i.url)).toEqual([
      'https://news.example/old',
      'https://news.example/guid',
    ]);
  });

  it('reads RSS 1.0 (RDF) items with dc:date', () => {
    const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://news.example/"><title>x</title></channel>
      <item rdf:about="https://news.example/r1"><title>One</title><link>https://news.example/r1</link><dc:date>2025-01-02T03:04:05Z</dc:date></item>
      <item rdf:about="https://news.example/r2"><title>Two</title><link>https://news.example/r2</link></item>
    </rdf:RDF>`;
    const d = parseDiscovery(xml, base);
    expect(d.format).toBe('rdf');
    expect(d.items.map((i) => [i.url, i.publishedAt])).toEqual([
      ['https://news.example/r1', '2025-01-02T03:04:05.000Z'],
      ['https://news.example/r2', null],
    ]);
  });

  it('reads Atom entries, preferring the alternate link, with published and updated', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
      <entry><title type="html">Entry</title>
        <link rel="edit" href="https://news.example/edit/1"/><link rel="alternate" href="https://news.example/e1"/>
        <published>2025-05-01T00:00:00Z</published><updated>2025-05-02T00:00:00Z</updated></entry>
      <entry><title>Relative</title><link href="/e2"/></entry></feed>`;
    const d = parseDiscovery(xml, base);
    expect(d.format).toBe('atom');
    expect(d.items).toEqual([
      {
        url: 'https://news.example/e1',
        title: 'Entry',
        publishedAt: '2025-05-01T00:00:00.000Z',
        updatedAt: '2025-05-02T00:00:00.000Z',
        guid: null,
        authors: [],
      },
      {
        url: 'https://news.example/e2',
        title: 'Relative',
        publishedAt: null,
        updatedAt: null,
        guid: null,
        authors: [],
      },
    ]);
  });

  it('reads JSON Feed 1.1 items (url, external_url) with dates', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'x',
      items: [
        {
          id: '1',
          url: 'https://news.example/j1',
          title: 'J1',
          date_published: '2025-03-01T00:00:00Z',
          date_modified: '2025-03-02T00:00:00Z',
        },
        { id: '2', external_url: 'https://other.example/j2' },
        { id: 'no-link' },
      ],
    });
    const d = parseDiscovery(json, base, { contentType: 'application/feed+json' });
    expect(d.format).toBe('jsonfeed');
    expect(d.items.map((i) => i.url)).toEqual(['https://news.example/j1', 'https://other.example/j2']);
    expect(d.items[0]?.updatedAt).toBe('2025-03-02T00:00:00.000Z');
    expect(d.problems).toEqual(['1 item(s) without a usable http(s) link skipped']);
  });

  it('reads a sitemap with lastmod and a Google News sitemap with title and publication date', () => {
    const sitemap = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://news.example/s1</loc><lastmod>2025-04-01</lastmod></url>
      <url><loc>https://news.example/s2</loc></url></urlset>`;
    expect(parseDiscovery(sitemap, base).items.map((i) => [i.url, i.updatedAt])).toEqual([
      ['https://news.example/s1', '2025-04-01T00:00:00.000Z'],
      ['https://news.example/s2', null],
    ]);
    const news = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://news.example/n1</loc><news:news><news:publication><news:name>X</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2025-06-01T08:00:00+02:00</news:publication_date><news:title>Storm</news:title></news:news></url></urlset>`;
    expect(parseDiscovery(news, base).items).toEqual([
      {
        url: 'https://news.example/n1',
        title: 'Storm',
        publishedAt: '2025-06-01T08:00:00.000+02:00',
        updatedAt: null,
        guid: null,
        authors: [],
      },
    ]);
  });

  it('lists the child sitemaps of a sitemap index', () => {
    const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://news.example/sm/1.xml</loc></sitemap><sitemap><loc>/sm/2.xml</loc></sitemap></sitemapindex>`;
    const d = parseDiscovery(xml, base);
    expect(d.format).toBe('sitemapindex');
    expect(d.sitemaps).toEqual(['https://news.example/sm/1.xml', 'https://news.example/sm/2.xml']);
  });

  it('recovers the good items of malformed XML and reports where it broke', () => {
    const xml = `<rss version="2.0"><channel>
      <item><title>Good one</title><link>https://news.example/g1</link></item>
      <item><title>Broken link</title><link>https://news.example/bad</lnk></item>
      <item><title>Unclosed <b>tag in a title</title><link>https://news.example/g2</link></item>
    </channel>`;
    const d = parseDiscovery(xml, base);
    expect(d.items.map((i) => [i.url, i.title])).toEqual([
      ['https://news.example/g1', 'Good one'],
      ['https://news.example/g2', 'Unclosed tag in a title'],
    ]);
    expect(d.problems[0]).toMatch(/^malformed XML at https:\/\/news\.example\/feed \(line \d+, column \d+\)/);
    expect(d.problems).toContain('1 malformed item(s) skipped');
  });

  it('throws a clear error for a body that is no feed at all', () => {
    expect(() => parseDiscovery('<html><body>hi</body></html>', base)).toThrow(FeedParseError);
    expect(() => parseDiscovery('<<<not xml', base)).toThrow(
      /malformed XML at https:\/\/news\.example\/feed/,
    );
    expect(() => parseDiscovery('{"items": 3}', base)).toThrow(/not a JSON Feed/);
  });
});

describe('parseSectionPage', () => {
  it('keeps same-host links matching the pattern, once each, with anchor text as title', () => {
    const html = `<html><head><base href="https://news.example/world/"></head><body>
      <a href="2025/06/01/storm-hits">Storm  hits</a>
      <a href="https://news.example/world/2025/06/01/storm-hits#comments">again</a>
      <a href="/sport/2025/06/01/match">Match</a>
      <a href="https://other.example/world/2025/x">Elsewhere</a>
      <a href="mailto:desk@news.example">Mail</a>
      <a href="/world/2025/06/02/talks">Talks</a></body></html>`;
    const d = parseSectionPage(html, 'https://news.example/world/', { linkPattern: '/world/\\d{4}/' });
    expect(d.items.map((i) => [i.url, i.title])).toEqual([
      ['https://news.example/world/2025/06/01/storm-hits', 'Storm hits'],
      ['https://news.example/world/2025/06/02/talks', 'Talks'],
    ]);
  });
});
