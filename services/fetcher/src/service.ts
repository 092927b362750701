import {
  crawlQueue,
  createProducer,
  createStageWorker,
  extractQueue,
  fetchQueue,
  type RunningService,
  type StageDeps,
} from '@wirehose/queue';
import { createHttpClient } from '@wirehose/http-fetch';
import { createStores } from '@wirehose/store';
import type { FetcherConfig } from './config.js';
import { createCrawlProcessor } from './crawl-processor.js';
import { createFetchProcessor } from './fetch-processor.js';

export type FetcherOptions = Pick<
  FetcherConfig,
  'FETCHER_CONCURRENCY' | 'FETCH_USER_AGENT' | 'FETCH_TIMEOUT_MS' | 'FETCH_MAX_BYTES' | 'SEEN_TTL_SECONDS'
>;

/** The fetcher consumes `crawl` (poll a source) and `fetch` (download an article). */
export function startFetcher(deps: StageDeps, config: FetcherOptions): RunningService {
  const log = deps.log.child({ service: 'fetcher' });
  const http = createHttpClient({
    userAgent: config.FETCH_USER_AGENT,
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
  });
  const stores = createStores({ redis: deps.redis, prefix: deps.prefix });
  const fetches = createProducer(fetchQueue, deps.queues);
  const crawls = createProducer(crawlQueue, deps.queues);
  const extracts = createProducer(extractQueue, deps.queues);
  const crawl = createCrawlProcessor({
    http,
    redis: deps.redis,
    prefix: deps.prefix,
    fetches,
    crawls,
    seenTtlSeconds: config.SEEN_TTL_SECONDS,
  });
  const fetch = createFetchProcessor({ http, stores, extracts });
  const common = { ...deps.queues, log, deadLetters: deps.deadLetters };
  const workers = [
    createStageWorker(crawlQueue, (data, _job, jobLog) => crawl(data, jobLog), { ...common, concurrency: 2 }),
    createStageWorker(fetchQueue, (data, _job, jobLog) => fetch(data, jobLog), {
      ...common,
      concurrency: config.FETCHER_CONCURRENCY,
    }),
  ];
  return {
    name: 'fetcher',
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([fetches.close(), crawls.close(), extracts.close()]);
    },
  };
}
