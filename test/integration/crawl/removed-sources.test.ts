import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@wirehose/config';
import { createLogger } from '@wirehose/logger';
import {
  crawlQueue,
  createProducer,
  SOURCE_SET_KEY,
  type RunningService,
  queueOptions,
} from '@wirehose/queue';
import { createStageDeps } from '@wirehose/runtime';
import { SourceSchema, type CrawlJob, type Source } from '@wirehose/schemas';
import { FetcherEnvSchema, readSourceSet, startFetcher } from '@wirehose/svc-fetcher';
import { startScheduler, type RunningScheduler } from '@wirehose/svc-scheduler';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { reply, startTestServer, type TestServer } from './test-server.js';

const log = createLogger({ service: 'removed-sources-test', level: 'silent' });
// The fetcher's log lines, to check what it says about a skipped job.
const fetcherLines: Record<string, unknown>[] = [];
const fetcherLog = createLogger({
  service: 'removed-sources-test',
  destination: {
    write: (line: string) => void fetcherLines.push(JSON.parse(line) as Record<string, unknown>),
  },
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const rss = (base: string, path: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title><link>${base}${path}</link></item></channel></rss>`;

describe('a crawl job whose source left the sources file', () => {
  const prefix = testPrefix('removed');
  const redis = connect();
  // Each source on its own server, so "no request reached the removed source" means no connection at all.
  let keptSite: TestServer;
  let goneSite: TestServer;
  let dir: string;
  let file: string;
  let kept: Source;
  let gone: Source;
  let schedulerDeps: ReturnType<typeof createStageDeps>;
  let fetcherDeps: ReturnType<typeof createStageDeps>;
  let scheduler: RunningScheduler;
  let fetcher: RunningService | null = null;
  let queue: Queue;

  const sourcesYaml = (sources: Source[]): string =>
    `sources:\n${sources
      .map((s) => `  - name: ${s.name}\n    kind: ${s.kind}\n    url: ${s.url}\n    intervalSeconds: 3600\n`)
      .join('')}`;
  const finished = async (id: string): Promise<Job | undefined> => {
    const job = await queue.getJob(id);
    return job?.finishedOn === undefined ? undefined : job;
  };
  const queueCrawl = async (data: CrawlJob): Promise<string> => {
    const crawls = createProducer(crawlQueue, { connection: redis, prefix });
    try {
      return await crawls.add(data);
    } finally {
      await crawls.close();
    }
  };

  beforeAll(async () => {
    keptSite = await startTestServer({ '/robots.txt': reply(404, '') });
    keptSite.route(
      '/feed.xml',
      reply(200, rss(keptSite.base, '/kept-1'), { 'content-type': 'application/rss+xml' }),
    );
    goneSite = await startTestServer({ '/robots.txt': reply(404, '') });
    goneSite.route(
      '/feed.xml',
      reply(200, rss(goneSite.base, '/gone-1'), { 'content-type': 'application/rss+xml' }),
    );
    const interval = { intervalSeconds: 3600 };
    kept = SourceSchema.parse({ name: 'kept', kind: 'rss', url: `${keptSite.base}/feed.xml`, ...interval });
    gone = SourceSchema.parse({ name: 'gone', kind: 'rss', url: `${goneSite.base}/feed.xml`, ...interval });
    dir = await mkdtemp(join(tmpdir(), 'wirehose-removed-'));
    file = join(dir, 'sources.yaml');
    await writeFile(file, sourcesYaml([kept, gone]));
    schedulerDeps = createStageDeps({ redisUrl: REDIS_URL, prefix, log });
    fetcherDeps = createStageDeps({ redisUrl: REDIS_URL, prefix, log: fetcherLog });
    scheduler = await startScheduler(schedulerDeps, { SOURCES_FILE: file, SOURCES_RELOAD_SECONDS: 0 });
    queue = new Queue(crawlQueue.name, queueOptions({ connection: redis, prefix }, crawlQueue.name));
  });

  afterAll(async () => {
    await fetcher?.close();
    await scheduler.close();
    await queue.close();
    await Promise.all([schedulerDeps.close(), fetcherDeps.close()]);
    await Promise.all([keptSite.close(), goneSite.close()]);
    await rm(dir, { recursive: true, force: true });
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('is completed without fetching, and the source keeps no schedule', async () => {
    expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(['gone', 'kept']);
    expect(await readSourceSet(redis, prefix)).toEqual(new Set(['gone', 'kept']));
    // Queued while the source is still configured (as `wirehose crawl gone` would), then removed.
    const queued = await queueCrawl({ source: gone });
    await writeFile(file, sourcesYaml([kept]));
    await scheduler.reload();
    expect(await readSourceSet(redis, prefix)).toEqual(new Set(['kept']));

    fetcher = startFetcher(
      fetcherDeps,
      loadConfig(FetcherEnvSchema, { FETCH_ALLOW_HOSTS: '127.0.0.1', FETCH_HOST_MIN_DELAY_MS: '0' }),
    );
    await until(async () => (await finished(queued)) !== undefined, 'the queued crawl of "gone" finished');
    const job = await finished(queued);
    expect(job?.failedReason ?? null).toBeNull();
    expect(job?.returnvalue).toMatchObject({ status: 'source-removed', discovered: 0, enqueued: 0 });
    expect(await queue.getJobScheduler('gone')).toBeUndefined();
    // Every crawl of "gone" still in the queue (the schedule's own first run too) ends the same way.
    await until(async () => {
      const left = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized']);
      return !left.some((j) => (j.data as CrawlJob).source.name === 'gone');
    }, 'no crawl of "gone" is left to run');
    const goneJobs = (await queue.getJobs(['completed', 'failed'])).filter(
      (j) => (j.data as CrawlJob).source.name === 'gone',
    );
    expect(goneJobs.map((j) => (j.returnvalue as { status?: string } | null)?.status)).toEqual(
      goneJobs.map(() => 'source-removed'),
    );
    expect(goneSite.connections()).toBe(0);
    expect(goneSite.requests).toEqual([]);
    const skipped = fetcherLines.find((l) => l['jobId'] === queued && l['sourceId'] === 'gone');
    expect(skipped).toMatchObject({ level: 30, url: gone.url });
    expect(skipped?.['msg']).toMatch(/no longer in the sources file/);
    // No poll stats are made up for it either.
    expect(await redis.exists(`${prefix}:source-stats:gone`)).toBe(0);

    // The source still in the file is polled as before.
    const keptJob = await queueCrawl({ source: kept });
    await until(async () => (await finished(keptJob)) !== undefined, 'the crawl of "kept" finished');
    expect((await finished(keptJob))?.returnvalue).toMatchObject({ status: 'polled' });
    expect(keptSite.hits('/feed.xml').length).toBeGreaterThanOrEqual(1);
  });

  it('removes a schedule left behind for a source that is not in the file', async () => {
    // As if made by a scheduler that never saw the removal: the fetcher drops it at the first run.
    await queue.upsertJobScheduler(
      'gone',
      { every: 3_600_000 },
      { name: 'crawl', data: { source: gone }, opts: { attempts: 1 } },
    );
    const queued = await queueCrawl({ source: gone });
    await until(async () => (await finished(queued)) !== undefined, 'the crawl of "gone" finished');
    expect((await finished(queued))?.returnvalue).toMatchObject({ status: 'source-removed' });
    expect(await queue.getJobScheduler('gone')).toBeUndefined();
    expect(goneSite.requests).toEqual([]);
  });

  it('puts back, on the next reload, a schedule of a configured source that went missing', async () => {
    await queue.removeJobScheduler('kept');
    await scheduler.reload();
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['kept']);
  });

  it('polls every source when no scheduler has published a source set', async () => {
    await redis.del(`${prefix}:${SOURCE_SET_KEY}`);
    const queued = await queueCrawl({ source: gone });
    await until(async () => (await finished(queued)) !== undefined, 'the crawl of "gone" finished');
    expect((await finished(queued))?.returnvalue).toMatchObject({ status: 'polled', discovered: 1 });
    expect(goneSite.hits('/feed.xml')).toHaveLength(1);
  });

  it('fails the crawl, to be retried, while the published source set is unreadable', async () => {
    const key = `${prefix}:${SOURCE_SET_KEY}`;
    await redis.set(key, 'not json');
    await expect(readSourceSet(redis, prefix)).rejects.toThrow(
      `${key} does not hold the scheduler's source set (no "names" list of strings)`,
    );
    await redis.set(key, JSON.stringify({ names: [1, 2] }));
    await expect(readSourceSet(redis, prefix)).rejects.toThrow(
      `${key} does not hold the scheduler's source set`,
    );

    const fetched = goneSite.hits('/feed.xml').length;
    const queued = await queueCrawl({ source: gone });
    await until(
      async () => ((await queue.getJob(queued))?.attemptsMade ?? 0) >= 1,
      'the first attempt failed',
    );
    const job = await queue.getJob(queued);
    expect(job?.failedReason).toContain(`${key} does not hold the scheduler's source set`);
    // Neither skipped as removed nor polled: the job waits for its retry, so nothing is lost.
    expect(job?.finishedOn).toBeUndefined();
    expect(goneSite.hits('/feed.xml')).toHaveLength(fetched);
    await job?.remove();
    await redis.del(key);
  });
});
