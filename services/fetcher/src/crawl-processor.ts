import type { Redis } from 'ioredis';
import type { Logger } from '@wirehose/logger';
import { toJobId, type Producer } from '@wirehose/queue';
import type { CrawlJob, FetchJobSchema, Source } from '@wirehose/schemas';
import { tryCanonicalizeUrl, type HttpClient, type Robots } from '@wirehose/http-fetch';
import { parseDiscovery, parseSectionPage, type DiscoveredItem, type Discovery } from '@wirehose/sources';
import { hashId } from '@wirehose/store';
import type { SourceCheck } from './configured-sources.js';
import { BACKOFF_WITH_JITTER } from './job-control.js';
import type { SeenSet } from './seen-set.js';
import type { SourceStatsStore } from './source-stats.js';

export interface CrawlDeps {
  http: HttpClient;
  /** robots.txt reader, for `robots` sources (their Sitemap lines). */
  robots: Robots;
  redis: Redis;
  prefix: string;
  fetches: Producer<typeof FetchJobSchema>;
  seen: SeenSet;
  stats: SourceStatsStore;
  /** Nested sitemap indexes followed at most this deep. */
  maxDepth?: number;
  /**
   * Whether a job's source is still in the sources file. Without it every job is polled (`wirehose
   * crawl --once` polls sources it has just read from a file itself).
   */
  sources?: SourceCheck;
}

export interface CrawlResult {
  /** `source-removed`: the source left the sources file; nothing was fetched. */
  status: 'not-modified' | 'polled' | 'source-removed';
  url: string;
  format: Discovery['format'] | null;
  discovered: number;
  enqueued: number;
  /** Problems of a partly malformed document. */
  problems: string[];
  /** Crawl jobs this poll asks for: child sitemaps, the next page of a big index. */
  children: CrawlJob[];
}

const ACCEPT: Partial<Record<Source['kind'], string>> = {
  section: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
  jsonfeed: 'application/feed+json,application/json;q=0.9,*/*;q=0.5',
};
const ACCEPT_XML =
  'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5';

/** Items in batches sized so that no more than `quota` are ever claimed. */
async function claimNew(
  items: readonly DiscoveredItem[],
  seen: SeenSet,
  quota: number,
): Promise<{ item: DiscoveredItem; url: string; version: string }[]> {
  const fresh: { item: DiscoveredItem; url: string; version: string }[] = [];
  const entries = items.flatMap((item) => {
    const url = tryCanonicalizeUrl(item.url);
    return url ? [{ item, url, version: item.updatedAt ?? item.publishedAt ?? '' }] : [];
  });
  const unique = [...new Map(entries.map((e) => [e.url, e])).values()];
  let next = 0;
  while (next < unique.length && fresh.length < quota) {
    const batch = unique.slice(next, next + Math.min(500, quota - fresh.length));
    next += batch.length;
    const flags = await seen.claim(batch);
    batch.forEach((entry, i) => {
      if (flags[i]) fresh.push(entry);
    });
  }
  return fresh;
}

/**
 * Poll one document of a source: conditional GET (a 304 costs nothing more), parse the feed, sitemap,
 * index or section page, enqueue a fetch for each item the seen-set has not seen (or has seen at an
 * older version), up to `limits.maxItemsPerPoll`, and return the crawl jobs that page a sitemap index
 * (`limits.sitemapsPerJob` children per job plus a follow-up job for the rest). Poll statistics are
 * recorded for the source, errors included.
 */
export function createCrawler(deps: CrawlDeps) {
  const { http, redis, prefix, seen, stats } = deps;
  const maxDepth = deps.maxDepth ?? 3;

  async function poll(job: CrawlJob, log: Logger): Promise<CrawlResult> {
    const { source } = job;
    const url = job.pageUrl ?? source.url;
    const offset = job.offset ?? 0;
    const depth = job.depth ?? 0;

    if (source.kind === 'robots' && !job.pageUrl) {
      const verdict = await deps.robots.check(url);
      const children = verdict.sitemaps
        .slice(0, source.limits.maxSitemaps || undefined)
        .map((pageUrl) => ({ source, pageUrl, depth: depth + 1 }));
      return { status: 'polled', url, format: null, discovered: 0, enqueued: 0, problems: [], children };
    }

    const condKey = `${prefix}:cond:${hashId(url)}`;
    // A follow-up page of an index must read the body even when the index did not change.
    const cond = offset === 0 ? await redis.hgetall(condKey) : {};
    const page = await http.get(url, {
      etag: cond['etag'] ?? null,
      lastModified: cond['lastModified'] ?? null,
      headers: source.headers,
      ...(source.limits.maxBytes ? { maxBytes: source.limits.maxBytes } : {}),
      accept: ACCEPT[source.kind] ?? ACCEPT_XML,
    });
    if (page.notModified) {
      log.debug({ url }, 'source not modified');
      return emptyResult('not-modified', url);
    }
    const discovery =
      source.kind === 'section' && !job.pageUrl
        ? parseSectionPage(page.body, page.finalUrl, { linkPattern: source.linkPattern ?? null })
        : parseDiscovery(page.body, page.finalUrl, { contentType: page.contentType });

    const children: CrawlJob[] = [];
    if (discovery.sitemaps.length > 0 && depth < maxDepth) {
      const all = source.limits.maxSitemaps
        ? discovery.sitemaps.slice(0, source.limits.maxSitemaps)
        : discovery.sitemaps;
      const end = Math.min(all.length, offset + source.limits.sitemapsPerJob);
      for (const child of all.slice(offset, end)) children.push({ source, pageUrl: child, depth: depth + 1 });
      if (end < all.length) children.push({ source, pageUrl: url, offset: end, depth });
    } else if (discovery.sitemaps.length > 0) {
      discovery.problems.push(`sitemap index nested deeper than ${maxDepth}; children ignored`);
    }

    const fresh = await claimNew(discovery.items, seen, source.limits.maxItemsPerPoll);
    for (const { item, url: canonical, version } of fresh) {
      await deps.fetches.add(
        {
          url: item.url,
          sourceName: source.name,
          outlet: source.outlet ?? null,
          hint: { title: item.title, publishedAt: item.publishedAt, updatedAt: item.updatedAt },
          via: 'crawl',
        },
        { jobId: toJobId(`fetch-${hashId(`${canonical} ${version}`)}`), backoff: BACKOFF_WITH_JITTER },
      );
    }
    if (offset === 0 && (page.etag || page.lastModified)) {
      const meta: Record<string, string> = {};
      if (page.etag) meta['etag'] = page.etag;
      if (page.lastModified) meta['lastModified'] = page.lastModified;
      await redis
        .multi()
        .del(condKey)
        .hset(condKey, meta)
        .expire(condKey, 30 * 24 * 3600)
        .exec();
    }
    if (discovery.problems.length > 0)
      log.warn({ url, problems: discovery.problems }, 'document partly unreadable');
    log.info(
      {
        url,
        format: discovery.format,
        discovered: discovery.items.length,
        enqueued: fresh.length,
        children: children.length,
      },
      'source polled',
    );
    return {
      status: 'polled',
      url,
      format: discovery.format,
      discovered: discovery.items.length,
      enqueued: fresh.length,
      problems: discovery.problems,
      children,
    };
  }

  /**
   * Complete a job whose source left the sources file without fetching anything. The source is known by
   * its name (its id in the file); a source of that name still in the file is polled. Its schedule is
   * removed here too: the scheduler's sync normally has removed it already, but a job can run before
   * that sync or outlive a schedule left behind, and a schedule wrongly removed because the source was
   * re-added meanwhile is put back by the scheduler's next reload.
   */
  async function skipRemovedSource(job: CrawlJob, check: SourceCheck, log: Logger): Promise<CrawlResult> {
    const sourceLog = log.child({ sourceId: job.source.name });
    const scheduleRemoved = await check.removeSchedule(job.source.name);
    const url = job.pageUrl ?? job.source.url;
    sourceLog.info(
      { url, scheduleRemoved },
      'source no longer in the sources file; crawl job done without fetching',
    );
    return emptyResult('source-removed', url);
  }

  return {
    /**
     * Poll one document and record the outcome in the source's stats (errors too, then rethrown); a job
     * whose source left the sources file is completed without a poll, and no stats are recorded for it.
     */
    async poll(job: CrawlJob, log: Logger): Promise<CrawlResult> {
      if (deps.sources && !(await deps.sources.isConfigured(job.source.name)))
        return skipRemovedSource(job, deps.sources, log);
      const started = Date.now();
      try {
        const result = await poll(job, log);
        await stats.record(job.source.name, {
          status: result.status === 'not-modified' ? 'not-modified' : 'ok',
          discovered: result.discovered,
          enqueued: result.enqueued,
          durationMs: Date.now() - started,
          detail: result.problems.join('; ') || null,
        });
        return result;
      } catch (err) {
        if ((err as Error).name !== 'HostBusyError') {
          await stats.record(job.source.name, {
            status: 'error',
            discovered: 0,
            enqueued: 0,
            durationMs: Date.now() - started,
            detail: (err as Error).message,
          });
        }
        throw err;
      }
    },
  };
}
export type Crawler = ReturnType<typeof createCrawler>;

/** The result of a crawl job that fetched no document to parse. */
function emptyResult(status: 'not-modified' | 'source-removed', url: string): CrawlResult {
  return { status, url, format: null, discovered: 0, enqueued: 0, problems: [], children: [] };
}
