import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  createRobots,
  FetchError,
  RobotsDisallowedError,
  RobotsUnavailableError,
  type HttpClient,
} from '@wirehose/http-fetch';
import { connect, deletePrefix, testPrefix } from '../../support/redis.js';
import { reply, startTestServer, type TestServer } from './test-server.js';

const UA = 'wirehose/0.1 (+https://example.org/contact)';
const ROBOTS = `User-agent: *
Disallow: /private/
Crawl-delay: 5

User-agent: wirehose
Disallow: /no-bots/
Allow: /no-bots/open
Crawl-delay: 2

Sitemap: https://news.example/sitemap.xml
Sitemap: https://news.example/news-sitemap.xml
`;

describe('robots.txt', () => {
  const redis = connect();
  const prefix = testPrefix('robots');
  let site: TestServer;
  let failing: TestServer;
  let missing: TestServer;
  let quirky: TestServer;
  let http: HttpClient;
  let robotsStatus = 503;

  beforeAll(async () => {
    site = await startTestServer({ '/robots.txt': reply(200, ROBOTS, { 'content-type': 'text/plain' }) });
    failing = await startTestServer({
      '/robots.txt': (_req, res) => reply(robotsStatus, 'x')(_req, res, ''),
    });
    missing = await startTestServer({ '/robots.txt': reply(404, 'none') });
    // Two bytes of a UTF-8 byte-order mark, then rules written the way some sites write them.
    const quirks = Buffer.concat([
      Buffer.from([0xef, 0xbb]),
      Buffer.from(
        'User-agent: WIREHOSE CRAWLER\ndisallow /drafts/\nAllow: /desk/index.html\nDisallow: /desk/\n\uFEFFDisallow: /mid-bom/\n',
      ),
    ]);
    quirky = await startTestServer({ '/robots.txt': reply(200, quirks, { 'content-type': 'text/plain' }) });
    http = createHttpClient({ userAgent: UA, policy: { allowHosts: ['127.0.0.1'] } });
  });

  afterAll(async () => {
    http.close();
    await Promise.all([site.close(), failing.close(), missing.close(), quirky.close()]);
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('applies the group for our user agent, with its Crawl-delay and the Sitemap lines', async () => {
    const robots = createRobots({ redis, prefix, http, userAgent: UA });
    const blocked = await robots.check(`${site.base}/no-bots/page`);
    expect(blocked.allowed).toBe(false);
    expect(blocked.line).toBe(6);
    expect((await robots.check(`${site.base}/no-bots/open`)).allowed).toBe(true);
    // Our group replaces `*`: /private/ is allowed for us.
    const open = await robots.check(`${site.base}/private/x`);
    expect(open.allowed).toBe(true);
    expect(open.crawlDelayMs).toBe(2000);
    expect(open.sitemaps).toEqual([
      'https://news.example/sitemap.xml',
      'https://news.example/news-sitemap.xml',
    ]);
    await expect(robots.assertAllowed(`${site.base}/no-bots/page`)).rejects.toBeInstanceOf(
      RobotsDisallowedError,
    );
  });

  it('uses the `*` group for another agent', async () => {
    const robots = createRobots({ redis, prefix: `${prefix}-other`, http, userAgent: 'otherbot/2.0' });
    const verdict = await robots.check(`${site.base}/private/x`);
    expect(verdict.allowed).toBe(false);
    expect(verdict.crawlDelayMs).toBe(5000);
    await deletePrefix(redis, `${prefix}-other`);
  });

  it('caches robots.txt in Redis with an expiry, shared by a second reader', async () => {
    const before = site.hits('/robots.txt').length;
    const other = createRobots({ redis, prefix, http, userAgent: UA, ttlSeconds: 600 });
    await other.check(`${site.base}/a`);
    await other.check(`${site.base}/b`);
    expect(site.hits('/robots.txt').length).toBe(before);
    const ttl = await redis.ttl(`${prefix}:robots:${site.base}`);
    expect(ttl).toBeGreaterThan(0);
  });

  it('treats a 4xx robots.txt as "everything allowed"', async () => {
    const robots = createRobots({ redis, prefix, http, userAgent: UA });
    const verdict = await robots.check(`${missing.base}/anything`);
    expect(verdict).toEqual({ allowed: true, crawlDelayMs: null, sitemaps: [], line: -1 });
  });

  it('treats a 5xx robots.txt as "retry later" and does not cache it', async () => {
    const robots = createRobots({ redis, prefix, http, userAgent: UA });
    const err = await robots.check(`${failing.base}/a`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RobotsUnavailableError);
    expect((err as FetchError).permanent).toBe(false);
    expect(await redis.exists(`${prefix}:robots:${failing.base}`)).toBe(0);
    robotsStatus = 200;
    const fresh = createRobots({ redis, prefix, http, userAgent: UA });
    expect((await fresh.check(`${failing.base}/a`)).allowed).toBe(true);
  });

  it('reads a robots.txt with a partial byte-order mark, a spaced user-agent and a line without colon', async () => {
    const robots = createRobots({ redis, prefix: `${prefix}-quirks`, http, userAgent: UA });
    const drafts = await robots.check(`${quirky.base}/drafts/1`);
    expect([drafts.allowed, drafts.line]).toEqual([false, 2]);
    expect((await robots.check(`${quirky.base}/desk/`)).allowed).toBe(true);
    expect((await robots.check(`${quirky.base}/desk/other`)).allowed).toBe(false);
    expect((await robots.check(`${quirky.base}/mid-bom/1`)).allowed).toBe(true);
    await deletePrefix(redis, `${prefix}-quirks`);
  });

  it('answers for an empty or non-http URL instead of throwing, without fetching anything', async () => {
    const robots = createRobots({ redis, prefix, http, userAgent: UA });
    const before = site.requests.length;
    expect(await robots.check('')).toEqual({ allowed: false, crawlDelayMs: null, sitemaps: [], line: -1 });
    expect((await robots.check('ftp://127.0.0.1/file')).allowed).toBe(false);
    expect(site.requests.length).toBe(before);
  });
});
