import type { Logger } from '@wirehose/logger';
import { createProducer, fetchQueue, type Redis } from '@wirehose/queue';
import type { CrawlJob, Source } from '@wirehose/schemas';
import {
  createCrawler,
  createFetcherClient,
  createSeenSet,
  createSourceStats,
  type FetcherConfig,
} from '@wirehose/svc-fetcher';

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
