import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { createPoliteClient, type PoliteClient } from '@wirehose/http-fetch';
import { createLogger } from '@wirehose/logger';
import { createProducer, fetchQueue, type Producer } from '@wirehose/queue';
import { SourceSchema, type CrawlJob, type FetchJob, type SourceInput } from '@wirehose/schemas';
import { createCrawler, createSeenSet, createSourceStats, type Crawler } from '@wirehose/svc-fetcher';
import { connect, deletePrefix, testPrefix } from '../../support/redis.js';
import { reply, startTestServer, type TestServer } from './test-server.js';

const log = createLogger({ service: 'crawl-test', level: 'silent' });

function rss(base: string, items: { path: string; updated?: string }[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items
    .map(
      (i) =>
        `<item><title>${i.path}</title><link>${base}${i.path}?utm_source=rss</link>${
          i.updated ? `<pubDate>${i.updated}</pubDate>` : ''
        }</item>`,
    )
    .join('')}</channel></rss>`;
}

describe('polling sources', () => {
  const redis = connect();
  const prefix = testPrefix('crawl');
  let server: TestServer;
  let client: PoliteClient;
  let fetches: Producer<typeof fetchQueue.schema>;
  let crawler: Crawler;
  let feedItems: { path: string; updated?: string }[] = [];
  const stats = createSourceStats(redis, prefix);

  const source = (input: Partial<SourceInput> & Pick<SourceInput, 'name' | 'kind' | 'url'>) =>
    SourceSchema.parse(input);
  const poll = (job: CrawlJob) => crawler.poll(job, log);
  const queuedUrls = async (): Promise<string[]> => {
    const jobs = (await fetches.queue.getJobs(['waiting', 'delayed', 'prioritized'])) as Job<FetchJob>[];
    return jobs.map((j) => j.data.url).sort();
  };

  beforeAll(async () => {
    server = await startTestServer({
      '/robots.txt': reply(200, 'User-agent: *\nDisallow: /secret\nSitemap: /sitemap-index.xml\n', {
        'content-type': 'text/plain',
      }),
      '/feed.xml': (req, res, base) => {
        const body = rss(base, feedItems);
        const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
        res.end(body);
      },
      '/broken.xml': (_req, res, base) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(
          `<rss version="2.0"><channel><item><title>ok</title><link>${base}/b1</link></item>` +
            `<item><title>bad</title><link>${base}/bad</lnk></item>` +
            `<item><title>ok2</title><link>${base}/b2</link></item>`,
        );
      },
      '/secret-feed.xml': reply(200, '<rss/>'),
      '/section/': reply(
        200,
        `<html><body><a href="/world/2025/a1">A1</a><a href="/about">About</a><a href="/world/2025/a2#c">A2</a></body></html>`,
      ),
      '/sitemap-index.xml': (_req, res, base) => {
        const children = Array.from(
          { length: 120 },
          (_, i) => `<sitemap><loc>${base}/sm/${i}.xml</loc></sitemap>`,
        );
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(
          `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${children.join('')}</sitemapindex>`,
        );
      },
    });
    client = createPoliteClient({
      redis,
      prefix,
      userAgent: 'wirehose-test/1.0 (+https://example.org)',
      policy: { allowHosts: ['127.0.0.1'] },
      minDelayMs: 0,
      perHostConcurrency: 4,
    });
    fetches = createProducer(fetchQueue, { connection: redis, prefix });
    crawler = createCrawler({
      http: client.http,
      robots: client.robots,
      redis,
      prefix,
      fetches,
      seen: createSeenSet(redis, prefix, 3600),
      stats,
    });
  });

  beforeEach(async () => {
    await fetches.queue.obliterate({ force: true });
  });

  afterAll(async () => {
    await fetches.close();
    client.close();
    await server.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('enqueues each new item once, by canonical URL, and skips them on the next poll', async () => {
    feedItems = [{ path: '/a1' }, { path: '/a2' }];
    const rssSource = source({ name: 'rss', kind: 'rss', url: `${server.base}/feed.xml?s=rss` });
    const first = await poll({ source: rssSource });
    expect(first).toMatchObject({ status: 'polled', format: 'rss', discovered: 2, enqueued: 2 });
    expect(await queuedUrls()).toEqual([
      `${server.base}/a1?utm_source=rss`,
      `${server.base}/a2?utm_source=rss`,
    ]);
    feedItems = [{ path: '/a1' }, { path: '/a2' }, { path: '/a3' }];
    const second = await poll({ source: rssSource });
    expect(second.enqueued).toBe(1);
    expect(await queuedUrls()).toHaveLength(3);
  });

  it('costs nothing more when the feed answers 304', async () => {
    const rssSource = source({ name: 'rss304', kind: 'rss', url: `${server.base}/feed.xml?s=304` });
    await poll({ source: rssSource });
    const again = await poll({ source: rssSource });
    expect(again.status).toBe('not-modified');
    expect(server.hits('/feed.xml').at(-1)?.headers['if-none-match']).toBeDefined();
    const s = await stats.get('rss304');
    expect([s.polls, s.notModified, s.lastStatus]).toEqual([2, 1, 'not-modified']);
  });

  it('fetches an item again when the feed says it was updated', async () => {
    feedItems = [{ path: '/u1', updated: 'Mon, 02 Jun 2025 10:00:00 GMT' }];
    const rssSource = source({ name: 'upd', kind: 'rss', url: `${server.base}/feed.xml?s=upd` });
    expect((await poll({ source: rssSource })).enqueued).toBe(1);
    feedItems = [{ path: '/u1', updated: 'Mon, 02 Jun 2025 10:00:00 GMT' }, { path: '/u0' }];
    expect((await poll({ source: rssSource })).enqueued).toBe(1);
    feedItems = [{ path: '/u1', updated: 'Tue, 03 Jun 2025 09:00:00 GMT' }, { path: '/u0' }];
    expect((await poll({ source: rssSource })).enqueued).toBe(1);
    const jobs = (await fetches.queue.getJobs(['waiting'])) as Job<FetchJob>[];
    expect(
      jobs
        .filter((j) => j.data.url.includes('/u1'))
        .map((j) => j.data.hint?.publishedAt)
        .sort(),
    ).toEqual(['2025-06-02T10:00:00.000Z', '2025-06-03T09:00:00.000Z']);
  });

  it('limits items enqueued per poll and picks up the rest on the next poll', async () => {
    feedItems = Array.from({ length: 7 }, (_, i) => ({ path: `/lim${i}` }));
    const limited = source({
      name: 'lim',
      kind: 'rss',
      url: `${server.base}/feed.xml?s=lim`,
      limits: { maxItemsPerPoll: 3 },
    });
    const counts: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      // Drop the validators so each poll reads the (unchanged) feed again.
      await redis.unlink(...(await redis.keys(`${prefix}:cond:*`)));
      counts.push((await poll({ source: limited })).enqueued);
    }
    expect(counts).toEqual([3, 3, 1]);
  });

  it.each([
    [
      'rss-091',
      'rss',
      'rss',
      (b: string) =>
        `<rss version="0.91"><channel><item><title>x</title><link>${b}/f/rss091</link></item></channel></rss>`,
      'application/rss+xml',
    ],
    [
      'rdf',
      'rss',
      'rdf',
      (b: string) =>
        `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="${b}/"/><item rdf:about="${b}/f/rdf"><title>x</title><link>${b}/f/rdf</link></item></rdf:RDF>`,
      'application/rdf+xml',
    ],
    [
      'atom',
      'atom',
      'atom',
      (b: string) =>
        `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><link href="${b}/f/atom"/></entry></feed>`,
      'application/atom+xml',
    ],
    [
      'jsonfeed',
      'jsonfeed',
      'jsonfeed',
      (b: string) =>
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          items: [{ id: '1', url: `${b}/f/json` }],
        }),
      'application/feed+json',
    ],
    [
      'news',
      'news-sitemap',
      'urlset',
      (b: string) =>
        `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>${b}/f/news</loc><news:news><news:title>x</news:title><news:publication_date>2025-06-01</news:publication_date></news:news></url></urlset>`,
      'application/xml',
    ],
    [
      'plain-sitemap',
      'sitemap',
      'urlset',
      (b: string) =>
        `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${b}/f/sm</loc></url></urlset>`,
      'application/xml',
    ],
  ] as const)('polls a %s document served over HTTP', async (name, kind, format, body, type) => {
    server.route(`/formats/${name}`, (req, res, base) =>
      reply(200, body(base), { 'content-type': type })(req, res, base),
    );
    const result = await poll({
      source: source({ name: `fmt-${name}`, kind, url: `${server.base}/formats/${name}` }),
    });
    expect(result.format).toBe(format);
    expect(result.enqueued).toBe(1);
    expect((await queuedUrls())[0]).toMatch(new RegExp(`/f/`));
  });

  it('processes the good items of a malformed feed and records the problem', async () => {
    const result = await poll({
      source: source({ name: 'broken', kind: 'rss', url: `${server.base}/broken.xml` }),
    });
    expect(result.enqueued).toBe(2);
    expect(result.problems[0]).toMatch(/malformed XML/);
    expect(await queuedUrls()).toEqual([`${server.base}/b1`, `${server.base}/b2`]);
    expect((await stats.get('broken')).lastDetail).toMatch(/malformed XML/);
  });

  it('discovers article links of a section page by pattern', async () => {
    const result = await poll({
      source: source({
        name: 'sec',
        kind: 'section',
        url: `${server.base}/section/`,
        linkPattern: '/world/\\d{4}/',
      }),
    });
    expect(result.format).toBe('html');
    expect(await queuedUrls()).toEqual([`${server.base}/world/2025/a1`, `${server.base}/world/2025/a2`]);
  });

  it('pages through a big sitemap index, a bounded number of children per job', async () => {
    const index = source({
      name: 'idx',
      kind: 'sitemap-index',
      url: `${server.base}/sitemap-index.xml`,
      limits: { sitemapsPerJob: 50 },
    });
    const first = await poll({ source: index });
    expect(first.children).toHaveLength(51);
    expect(first.children.slice(0, 2).map((c) => c.pageUrl)).toEqual([
      `${server.base}/sm/0.xml`,
      `${server.base}/sm/1.xml`,
    ]);
    const next = first.children.at(-1);
    expect(next).toMatchObject({ pageUrl: `${server.base}/sitemap-index.xml`, offset: 50 });
    const second = await poll(next as CrawlJob);
    expect(second.children).toHaveLength(51);
    const third = await poll(second.children.at(-1) as CrawlJob);
    expect(third.children.map((c) => c.pageUrl)).toContain(`${server.base}/sm/119.xml`);
    expect(third.children).toHaveLength(20);
  });

  it('reads the Sitemap lines of robots.txt for a robots source', async () => {
    const result = await poll({
      source: source({ name: 'rb', kind: 'robots', url: `${server.base}/robots.txt` }),
    });
    expect(result.children.map((c) => c.pageUrl)).toEqual([`${server.base}/sitemap-index.xml`]);
  });

  it('checks robots.txt on every redirect hop', async () => {
    server.route('/moved-feed.xml', (_req, res, base) => {
      res.writeHead(301, { location: `${base}/secret/feed.xml` });
      res.end();
    });
    const err = await client.http.get(`${server.base}/moved-feed.xml`).catch((e: unknown) => e as Error);
    expect((err as Error).name).toBe('FetchError');
    expect((err as Error).message).toBe(
      `${server.base}/secret/feed.xml is disallowed by robots.txt (line 2)`,
    );
    expect(server.hits('/secret/feed.xml')).toHaveLength(0);
  });

  it('refuses a source disallowed by robots.txt and records the error', async () => {
    const err = await poll({
      source: source({ name: 'sec2', kind: 'rss', url: `${server.base}/secret-feed.xml` }),
    }).catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(/disallowed by robots\.txt/);
    const s = await stats.get('sec2');
    expect([s.lastStatus, s.errors]).toEqual(['error', 1]);
  });
});

describe('redirects within a host under a Crawl-delay', () => {
  const redis = connect();
  const prefix = testPrefix('hops');
  let server: TestServer;
  let client: PoliteClient;

  beforeAll(async () => {
    server = await startTestServer({
      '/robots.txt': reply(200, 'User-agent: *\nCrawl-delay: 2\n', { 'content-type': 'text/plain' }),
      '/hop-a': (_req, res) => {
        res.writeHead(302, { location: '/hop-b' });
        res.end();
      },
      '/hop-b': reply(200, '<p>arrived</p>'),
    });
    client = createPoliteClient({
      redis,
      prefix,
      userAgent: 'wirehose-test/1.0 (+https://example.org)',
      policy: { allowHosts: ['127.0.0.1'] },
      minDelayMs: 0,
      maxInPlaceWaitMs: 100,
    });
  });

  afterAll(async () => {
    client.close();
    await server.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('waits for the host on a redirect hop instead of restarting the chain', async () => {
    const page = await client.http.get(`${server.base}/hop-a`);
    expect(page.body).toBe('<p>arrived</p>');
    const [a] = server.hits('/hop-a');
    const [b] = server.hits('/hop-b');
    expect(server.hits('/hop-a')).toHaveLength(1);
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(2000);
  });

  it('makes the first request of a fetch give up quickly when the host is busy', async () => {
    const err = await client.http.get(`${server.base}/hop-b`).catch((e: unknown) => e as Error);
    expect((err as Error).name).toBe('HostBusyError');
  });
});
