import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@wirehose/logger';
import { fetchQueue, queueOptions } from '@wirehose/queue';
import { crawlCommand } from '@wirehose/cli';
import { sourcesCommand } from '@wirehose/cli';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { reply, startTestServer, type TestServer } from './test-server.js';

const log = createLogger({ service: 'cli-test', level: 'silent' });

describe('wirehose crawl --once and sources list', () => {
  const prefix = testPrefix('cli');
  const redis = connect();
  let server: TestServer;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    server = await startTestServer({
      '/robots.txt': reply(404, ''),
      '/atom.xml': (_req, res, base) =>
        reply(
          200,
          `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><link href="${base}/a"/></entry><entry><title>B</title><link href="${base}/b"/></entry></feed>`,
          { 'content-type': 'application/atom+xml' },
        )(_req, res, base),
      '/index.xml': (_req, res, base) =>
        reply(
          200,
          `<sitemapindex><sitemap><loc>${base}/s1.xml</loc></sitemap><sitemap><loc>${base}/s2.xml</loc></sitemap><sitemap><loc>${base}/s3.xml</loc></sitemap></sitemapindex>`,
          { 'content-type': 'application/xml' },
        )(_req, res, base),
    });
    for (const n of [1, 2, 3])
      server.route(`/s${n}.xml`, (req, res, base) =>
        reply(200, `<urlset><url><loc>${base}/p${n}</loc></url><url><loc>${base}/a</loc></url></urlset>`)(
          req,
          res,
          base,
        ),
      );
    dir = await mkdtemp(join(tmpdir(), 'wirehose-cli-'));
    file = join(dir, 'sources.yaml');
    await writeFile(
      file,
      `sources:
  - name: feed
    kind: atom
    url: ${server.base}/atom.xml
  - name: backfill
    kind: sitemap-index
    url: ${server.base}/index.xml
    limits:
      sitemapsPerJob: 2
`,
    );
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  const env = {
    REDIS_URL,
    WIREHOSE_PREFIX: prefix,
    FETCH_ALLOW_HOSTS: '127.0.0.1',
    FETCH_HOST_MIN_DELAY_MS: '0',
  };

  it('polls a feed and a paged sitemap index now, printing a line per document', async () => {
    const lines: string[] = [];
    const code = await crawlCommand.run({
      args: ['feed', 'backfill'],
      flags: { once: true, file },
      env,
      log,
      print: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    expect(lines).toContain(`[1/1] ${server.base}/atom.xml: atom, 2 found, 2 new`);
    expect(lines).toContain(
      'feed: 1 document(s), 2 item(s) found, 2 queued for fetching, 0 not modified, 0 error(s)',
    );
    // index page 1 (2 children + follow-up), s1, s2, index page 2 (1 child), s3
    expect(lines.find((l) => l.startsWith('backfill:'))).toBe(
      'backfill: 5 document(s), 6 item(s) found, 3 queued for fetching, 0 not modified, 0 error(s)',
    );
    const queue = new Queue(fetchQueue.name, queueOptions({ connection: redis, prefix }, fetchQueue.name));
    const urls = (await queue.getJobs(['waiting'])).map((j) => (j.data as { url: string }).url).sort();
    await queue.close();
    expect(urls).toEqual(['a', 'b', 'p1', 'p2', 'p3'].map((p) => `${server.base}/${p}`));
  });

  it('lists each source with its last poll, status and counts', async () => {
    const lines: string[] = [];
    expect(
      await sourcesCommand.run({ args: ['list'], flags: { file }, env, log, print: (l) => lines.push(l) }),
    ).toBe(0);
    expect(lines[0]).toMatch(
      /^NAME\s+KIND\s+EVERY\s+LAST POLL\s+STATUS\s+NEXT RUN\s+POLLS\s+ERRORS\s+304\s+FOUND\s+QUEUED$/,
    );
    const feed = lines.find((l) => l.startsWith('feed '));
    expect(feed?.split(/\s{2,}/)).toEqual([
      'feed',
      'atom',
      '900s',
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      'ok',
      'not scheduled',
      '1',
      '0',
      '0',
      '2',
      '2',
    ]);
  });

  it('names the line and field of a bad sources file', async () => {
    await writeFile(join(dir, 'bad.yaml'), 'sources:\n  - name: x\n    kind: rss\n    url: not a url\n');
    await expect(
      sourcesCommand.run({
        args: ['check'],
        flags: { file: join(dir, 'bad.yaml') },
        env,
        log,
        print: () => {},
      }),
    ).rejects.toThrow(/bad\.yaml:4:\d+: sources\[0\]\.url/);
  });
});
