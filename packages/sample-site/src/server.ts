import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSampleContent, type SampleContent } from './content.js';
import { renderArticle, renderHome, renderRss, renderSitemap, renderSitemapIndex } from './render.js';

export interface SampleSite {
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  content: SampleContent;
  /** Paths requested so far, in order (for tests). */
  requests: string[];
  close(): Promise<void>;
}

/** Serve the bundled sample site on 127.0.0.1 (port 0 = any free port). */
export async function startSampleSite({ port = 0, content = loadSampleContent() } = {}): Promise<SampleSite> {
  const requests: string[] = [];
  let base = '';
  const bySlug = new Map(content.articles.map((a) => [a.slug, a]));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const send = (status: number, type: string, body: string): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(body);
    };
    const article = bySlug.get(path.replace(/^\//, ''));
    if (article) return send(200, 'text/html; charset=utf-8', renderArticle(content, article, base));
    switch (path) {
      case '/':
        return send(200, 'text/html; charset=utf-8', renderHome(content, base));
      case '/feed.xml':
        return send(200, 'application/rss+xml; charset=utf-8', renderRss(content, base));
      case '/sitemap.xml':
        return send(200, 'application/xml; charset=utf-8', renderSitemapIndex(base));
      case '/sitemaps/pages.xml':
        return send(200, 'application/xml; charset=utf-8', renderSitemap(content, base, 'sitemap'));
      case '/sitemaps/news.xml':
        return send(200, 'application/xml; charset=utf-8', renderSitemap(content, base, 'news-sitemap'));
      case '/robots.txt':
        return send(200, 'text/plain', `User-agent: *\nAllow: /\nSitemap: ${base}/sitemap.xml\n`);
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: base,
    content,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
