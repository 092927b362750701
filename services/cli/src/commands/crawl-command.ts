import { z } from 'zod';
import { loadConfig } from '@wirehose/config';
import type { Logger } from '@wirehose/logger';
import { crawlQueue, createProducer, createRedis, fetchQueue, type Redis } from '@wirehose/queue';
import type { CrawlJob, Source } from '@wirehose/schemas';
import { loadSourcesFile } from '@wirehose/sources';
import {
  createCrawler,
  createFetcherClient,
  createSeenSet,
  createSourceStats,
  FetcherEnvSchema,
  type FetcherConfig,
} from '@wirehose/svc-fetcher';
import type { Command } from './command.js';

const CrawlEnvSchema = FetcherEnvSchema.extend({
  SOURCES_FILE: z.string().default('sources.yaml'),
});

export interface CrawlOnceSummary {
  source: string;
  documents: number;
  discovered: number;
  enqueued: number;
  notModified: number;
  errors: number;
}

/**
 * Poll a source now, in this process: the source document and every page it leads to (child sitemaps,
 * follow-up pages of a big index), with the fetcher's politeness and seen-set. New items go to the
 * `fetch` queue for the fetcher services. One progress line per document.
 */
export async function crawlOnce(options: {
  redis: Redis;
  prefix: string;
  config: Omit<FetcherConfig, 'REDIS_URL' | 'WIREHOSE_PREFIX' | 'LOG_LEVEL' | 'SHUTDOWN_TIMEOUT_MS'>;
  source: Source;
  log: Logger;
  print: (line: string) => void;
  /** Stop after this many documents (a safety net for huge indexes). */
  maxDocuments?: number;
}): Promise<CrawlOnceSummary> {
  const { redis, prefix, config, source, log, print } = options;
  const client = createFetcherClient(redis, prefix, config);
  const fetches = createProducer(fetchQueue, { connection: redis, prefix });
  const crawler = createCrawler({
    http: client.http,
    robots: client.robots,
    redis,
    prefix,
    fetches,
    seen: createSeenSet(redis, prefix, config.SEEN_TTL_SECONDS),
    stats: createSourceStats(redis, prefix),
  });
  const summary: CrawlOnceSummary = {
    source: source.name,
    documents: 0,
    discovered: 0,
    enqueued: 0,
    notModified: 0,
    errors: 0,
  };
  const pending: CrawlJob[] = [{ source }];
  const limit = options.maxDocuments ?? 10_000;
  try {
    while (pending.length > 0 && summary.documents < limit) {
      const job = pending.shift() as CrawlJob;
      const url = job.pageUrl ?? source.url;
      const label = `${url}${job.offset ? ` (from child ${job.offset})` : ''}`;
      summary.documents += 1;
      try {
        const result = await pollPolitely(() => crawler.poll(job, log));
        pending.push(...result.children);
        summary.discovered += result.discovered;
        summary.enqueued += result.enqueued;
        if (result.status === 'not-modified') summary.notModified += 1;
        print(
          `[${summary.documents}/${summary.documents + pending.length}] ${label}: ${
            result.status === 'not-modified'
              ? 'not modified'
              : `${result.format ?? 'robots'}, ${result.discovered} found, ${result.enqueued} new${
                  result.children.length ? `, ${result.children.length} more page(s)` : ''
                }`
          }${result.problems.length ? ` (${result.problems.join('; ')})` : ''}`,
        );
      } catch (err) {
        summary.errors += 1;
        print(
          `[${summary.documents}/${summary.documents + pending.length}] ${label}: error: ${(err as Error).message}`,
        );
      }
    }
  } finally {
    await fetches.close();
    client.close();
  }
  print(
    `${source.name}: ${summary.documents} document(s), ${summary.discovered} item(s) found, ${summary.enqueued} queued for fetching, ${summary.notModified} not modified, ${summary.errors} error(s)`,
  );
  return summary;
}

/** Run a poll, waiting (in place: this is a command, not a worker) while the host is busy. */
async function pollPolitely<T>(poll: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await poll();
    } catch (err) {
      if ((err as Error).name !== 'HostBusyError') throw err;
      const wait = (err as { waitMs?: number }).waitMs ?? 1000;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

export const crawlCommand: Command = {
  name: 'crawl',
  usage: [
    `${'crawl --once SOURCE...'.padEnd(31)}poll sources now in this process, with progress (--file FILE)`,
    `${'crawl SOURCE...'.padEnd(31)}queue a poll of sources now for the fetcher services`,
  ],
  flags: { once: { type: 'boolean' }, file: { type: 'string' } },
  async run({ args, flags, env, log, print }) {
    const config = loadConfig(CrawlEnvSchema, env);
    if (!config.REDIS_URL) throw new Error('crawl needs REDIS_URL: the seen-set and queues live in Redis');
    const file = typeof flags['file'] === 'string' ? flags['file'] : config.SOURCES_FILE;
    const { sources } = await loadSourcesFile(file);
    if (args.length === 0)
      throw new Error(`crawl needs source names; ${file} has: ${sources.map((s) => s.name).join(', ')}`);
    const chosen = args.map((name) => {
      const source = sources.find((s) => s.name === name);
      if (!source)
        throw new Error(`no source "${name}" in ${file}; it has: ${sources.map((s) => s.name).join(', ')}`);
      return source;
    });
    const redis = createRedis(config.REDIS_URL, 'producer', { enableOfflineQueue: true });
    try {
      if (!flags['once']) {
        const crawls = createProducer(crawlQueue, { connection: redis, prefix: config.WIREHOSE_PREFIX });
        try {
          for (const source of chosen)
            print(`queued a poll of ${source.name} as job ${await crawls.add({ source })}`);
        } finally {
          await crawls.close();
        }
        return 0;
      }
      let errors = 0;
      for (const source of chosen) {
        const summary = await crawlOnce({
          redis,
          prefix: config.WIREHOSE_PREFIX,
          config,
          source,
          log,
          print,
        });
        errors += summary.errors;
      }
      return errors > 0 ? 1 : 0;
    } finally {
      redis.disconnect();
    }
  },
};
