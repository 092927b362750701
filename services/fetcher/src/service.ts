import {
  crawlQueue,
  createProducer,
  createStageWorker,
  extractQueue,
  fetchQueue,
  toJobId,
  type RunningService,
  type StageDeps,
} from '@wirehose/queue';
import { createPoliteClient, type PoliteClient } from '@wirehose/http-fetch';
import type { Redis } from 'ioredis';
import { createStores, hashId } from '@wirehose/store';
import type { FetcherConfig } from './config.js';
import { createSourceCheck } from './configured-sources.js';
import { createCrawler } from './crawl-processor.js';
import { createFetchProcessor } from './fetch-processor.js';
import { BACKOFF_WITH_JITTER, runWithRetryRules } from './job-control.js';
import { createSeenSet } from './seen-set.js';
import { createSourceStats } from './source-stats.js';
import { forService } from '@wirehose/logger';

export type FetcherOptions = Omit<
  FetcherConfig,
  'REDIS_URL' | 'WIREHOSE_PREFIX' | 'LOG_LEVEL' | 'SHUTDOWN_TIMEOUT_MS'
>;

/** The crawler's polite HTTP client built from the fetcher settings. */
export function createFetcherClient(redis: Redis, prefix: string, config: FetcherOptions): PoliteClient {
  return createPoliteClient({
    redis,
    prefix,
    userAgent: config.FETCH_USER_AGENT,
    policy: { allowPrivate: config.FETCH_ALLOW_PRIVATE, allowHosts: config.FETCH_ALLOW_HOSTS },
    connectTimeoutMs: config.FETCH_CONNECT_TIMEOUT_MS,
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
    respectRobots: config.FETCH_RESPECT_ROBOTS,
    robotsTtlSeconds: config.FETCH_ROBOTS_TTL_SECONDS,
    perHostConcurrency: config.FETCH_HOST_CONCURRENCY,
    globalConcurrency: config.FETCH_GLOBAL_CONCURRENCY,
    minDelayMs: config.FETCH_HOST_MIN_DELAY_MS,
    maxCrawlDelayMs: config.FETCH_MAX_CRAWL_DELAY_MS,
    maxInPlaceWaitMs: config.FETCH_MAX_WAIT_IN_PLACE_MS,
  });
}

/** The fetcher consumes `crawl` (poll a source) and `fetch` (download an article). */
export function startFetcher(deps: StageDeps, config: FetcherOptions): RunningService {
  const log = forService(deps.log, 'fetcher');
  const client = createFetcherClient(deps.redis, deps.prefix, config);
  const stores = createStores({ redis: deps.redis, prefix: deps.prefix, ...deps.retention });
  const seen = createSeenSet(deps.redis, deps.prefix, config.SEEN_TTL_SECONDS);
  const fetches = createProducer(fetchQueue, deps.queues);
  const crawls = createProducer(crawlQueue, deps.queues);
  const extracts = createProducer(extractQueue, deps.queues);
  const crawler = createCrawler({
    http: client.http,
    robots: client.robots,
    redis: deps.redis,
    prefix: deps.prefix,
    fetches,
    seen,
    stats: createSourceStats(deps.redis, deps.prefix),
    sources: createSourceCheck(deps.redis, deps.prefix, crawls.queue),
  });
  const fetch = createFetchProcessor({ http: client.http, stores, extracts, seen });
  const control = {
    redis: deps.redis,
    prefix: deps.prefix,
    maxRetryAfterMs: config.FETCH_MAX_RETRY_AFTER_MS,
  };
  const common = { ...deps.queues, log, deadLetters: deps.deadLetters };
  const workers = [
    createStageWorker(
      crawlQueue,
      async (data, job, jobLog) => {
        const result = await runWithRetryRules(job, control, () => crawler.poll(data, jobLog));
        for (const child of result.children) {
          const key = `crawl-${hashId(`${child.pageUrl ?? ''} ${child.offset ?? 0} ${job.id ?? ''}`)}`;
          await crawls.add(child, { jobId: toJobId(key), backoff: BACKOFF_WITH_JITTER });
        }
        const { children, ...summary } = result;
        return { ...summary, children: children.length };
      },
      { ...common, concurrency: config.FETCHER_CRAWL_CONCURRENCY },
    ),
    createStageWorker(
      fetchQueue,
      (data, job, jobLog) => runWithRetryRules(job, control, () => fetch(data, jobLog)),
      {
        ...common,
        concurrency: config.FETCHER_CONCURRENCY,
      },
    ),
  ];
  return {
    name: 'fetcher',
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([fetches.close(), crawls.close(), extracts.close()]);
      client.close();
    },
  };
}
