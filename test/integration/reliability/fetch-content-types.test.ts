import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { loadConfig } from '@wirehose/config';
import { createLogger } from '@wirehose/logger';
import { createProducer, extractQueue, fetchQueue, type RunningService, queueOptions } from '@wirehose/queue';
import { createStageDeps } from '@wirehose/runtime';
import { FetcherEnvSchema, startFetcher } from '@wirehose/svc-fetcher';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { reply, startTestServer, type TestServer } from '../crawl/test-server.js';
import type { ExtractJob } from '@wirehose/schemas';
import { z } from 'zod';

/** What the fetch processor answers: a page passed on, or the reason it was skipped. */
const FetchOutcomeSchema = z.looseObject({
  status: z.number().optional(),
  identity: z.string().optional(),
  skipped: z.string().optional(),
});

const log = createLogger({ service: 'reliability-test', level: 'silent' });
const page = `<!doctype html><html><head><title>Bridge reopens</title></head><body><article>
<p>The old bridge over the canal reopened to traffic on Friday after a year of repairs.</p></article></body></html>`;

describe('what the fetcher hands to the extractor', () => {
  const prefix = testPrefix('rel-types');
  const redis = connect();
  const ctx = { connection: redis, prefix };
  let server: TestServer;
  let deps: ReturnType<typeof createStageDeps>;
  let fetcher: RunningService;
  let events: QueueEvents;
  const eventsConnection = connect();

  beforeAll(async () => {
    server = await startTestServer({
      '/robots.txt': reply(200, 'User-agent: *\nAllow: /\n', { 'content-type': 'text/plain' }),
      '/page': reply(200, page),
      '/page.xhtml': reply(200, page, { 'content-type': 'application/xhtml+xml' }),
      '/report.pdf': reply(200, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]), {
        'content-type': 'application/pdf',
      }),
      '/data.json': reply(200, '{"headline":"not a page"}', { 'content-type': 'application/json' }),
      '/not-gzip': reply(200, 'plain bytes, not gzip', { 'content-encoding': 'gzip' }),
    });
    deps = createStageDeps({ redisUrl: REDIS_URL, prefix, log });
    fetcher = startFetcher(
      deps,
      loadConfig(FetcherEnvSchema, {
        FETCH_ALLOW_HOSTS: '127.0.0.1',
        FETCH_HOST_MIN_DELAY_MS: '0',
      }),
    );
    events = new QueueEvents(
      fetchQueue.name,
      queueOptions({ connection: eventsConnection, prefix }, fetchQueue.name),
    );
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    eventsConnection.disconnect();
    await fetcher.close();
    await deps.close();
    await server.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  const fetchOnce = async (path: string): Promise<unknown> => {
    const producer = createProducer(fetchQueue, ctx);
    const id = await producer.add({ url: `${server.base}${path}` });
    await producer.close();
    const queue = new Queue(fetchQueue.name, queueOptions(ctx, fetchQueue.name));
    const job = await queue.getJob(id);
    await queue.close();
    if (!job) throw new Error(`fetch job ${id} vanished`);
    return job.waitUntilFinished(events);
  };

  it('passes HTML and XHTML pages on, and skips a PDF and a JSON document with the reason', async () => {
    for (const path of ['/page', '/page.xhtml']) {
      const passed = FetchOutcomeSchema.parse(await fetchOnce(path));
      expect(passed.status).toBe(200);
      expect(passed.identity).toEqual(expect.any(String));
    }
    expect(FetchOutcomeSchema.parse(await fetchOnce('/report.pdf')).skipped).toMatch(
      /unsupported content type application\/pdf/,
    );
    expect(FetchOutcomeSchema.parse(await fetchOnce('/data.json')).skipped).toMatch(
      /unsupported content type application\/json/,
    );
    const extract = new Queue<ExtractJob>(extractQueue.name, queueOptions(ctx, extractQueue.name));
    const queued = await extract.getJobs(['waiting']);
    await extract.close();
    expect(queued.map((j) => new URL(j.data.url).pathname).sort()).toEqual(['/page', '/page.xhtml']);
  });

  it('fails a body that does not decompress as labelled for good, at the first attempt', async () => {
    await expect(fetchOnce('/not-gzip')).rejects.toThrow(/decompress/);
    await expect.poll(() => deps.deadLetters.count(), { timeout: 10_000 }).toBe(1);
    const [entry] = await deps.deadLetters.list();
    expect(entry).toMatchObject({ queue: 'fetch', attemptsMade: 1 });
    expect(server.hits('/not-gzip')).toHaveLength(1);
  });
});
