import type { Redis } from 'ioredis';
import type { Logger } from '@wirehose/logger';
import type { Producer } from '@wirehose/queue';
import { toJobId } from '@wirehose/queue';
import type { CrawlJob, CrawlJobSchema, FetchJobSchema } from '@wirehose/schemas';
import type { HttpClient } from '@wirehose/http-fetch';
import { parseDiscovery } from '@wirehose/sources';
import { hashId } from '@wirehose/store';

export interface CrawlDeps {
  http: HttpClient;
  redis: Redis;
  prefix: string;
  fetches: Producer<typeof FetchJobSchema>;
  crawls: Producer<typeof CrawlJobSchema>;
  seenTtlSeconds: number;
}

export interface CrawlResult {
  status: 'not-modified' | 'polled';
  discovered: number;
  enqueued: number;
  sitemaps: number;
}

/**
 * Poll one source: conditional GET, parse the feed or sitemap, enqueue a fetch for each item not seen
 * before (or updated since it was seen), and a crawl per child sitemap of an index.
 */
export function createCrawlProcessor(deps: CrawlDeps) {
  const { http, redis, prefix } = deps;
  return async function processCrawl(job: CrawlJob, log: Logger): Promise<CrawlResult> {
    const url = job.pageUrl ?? job.source.url;
    const condKey = `${prefix}:cond:${hashId(url)}`;
    const cond = await redis.hgetall(condKey);
    const page = await http.get(url, {
      etag: cond['etag'],
      lastModified: cond['lastModified'],
      headers: job.source.headers,
    });
    if (page.notModified) {
      log.info({ url }, 'source not modified');
      return { status: 'not-modified', discovered: 0, enqueued: 0, sitemaps: 0 };
    }
    const { items, sitemaps } = parseDiscovery(page.body, page.finalUrl);
    for (const sitemap of sitemaps) {
      await deps.crawls.add(
        { source: job.source, pageUrl: sitemap },
        { jobId: toJobId(`crawl-${hashId(sitemap)}`) },
      );
    }
    let enqueued = 0;
    for (const item of items.slice(0, job.source.limits.maxItemsPerPoll)) {
      const seenKey = `${prefix}:seen:${hashId(item.url)}`;
      const version = item.updatedAt ?? item.publishedAt ?? 'unversioned';
      // SET ... GET tells in one round trip whether the URL was seen, and at which version.
      const previous = await redis.set(seenKey, version, 'EX', deps.seenTtlSeconds, 'GET');
      if (previous === version) continue;
      await deps.fetches.add(
        {
          url: item.url,
          sourceName: job.source.name,
          outlet: job.source.outlet ?? null,
          hint: { title: item.title, publishedAt: item.publishedAt, updatedAt: item.updatedAt },
          via: 'crawl',
        },
        { jobId: toJobId(`fetch-${hashId(`${item.url} ${version}`)}`) },
      );
      enqueued += 1;
    }
    const meta: Record<string, string> = {};
    if (page.etag) meta['etag'] = page.etag;
    if (page.lastModified) meta['lastModified'] = page.lastModified;
    if (Object.keys(meta).length > 0) await redis.hset(condKey, meta);
    log.info({ url, discovered: items.length, enqueued, sitemaps: sitemaps.length }, 'source polled');
    return { status: 'polled', discovered: items.length, enqueued, sitemaps: sitemaps.length };
  };
}
