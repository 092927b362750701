import type { Redis } from 'ioredis';
import type { JobsOptions } from 'bullmq';
import { assertUrlAllowed, BlockedUrlError, canonicalizeUrl, type UrlPolicy } from '@wirehose/http-fetch';
import { toJobId, type Producer } from '@wirehose/queue';
import type { DedupJobSchema, ExtractJobSchema, FeedItemHint, FetchJobSchema } from '@wirehose/schemas';
import { hashId, type Stores } from '@wirehose/store';
import type { IngestItem } from './ingest-schema.js';
import { toPushedArticle } from './pushed-article.js';

export interface IngestProducers {
  fetch: Producer<typeof FetchJobSchema>;
  extract: Producer<typeof ExtractJobSchema>;
  dedup: Producer<typeof DedupJobSchema>;
}

export interface IngesterDeps {
  redis: Redis;
  prefix: string;
  producers: IngestProducers;
  stores: Stores;
  urlPolicy: UrlPolicy;
  /** How long a submitted URL counts as a duplicate. */
  claimTtlSeconds: number;
  now?: () => Date;
}

/** An item to take in: a validated API item, or a feed item delivered by a WebSub hub. */
export type Submission = IngestItem & { hint?: FeedItemHint };

export type ItemResult =
  | { index: number; url: string; status: 'queued'; queue: string; jobId: string }
  | { index: number; url: string; status: 'duplicate'; queue: string; jobId: string; reason: string }
  | { index: number; url: string; status: 'refused'; reason: string };

export type IngestVia = 'ingest' | 'websub';

/** Why a URL must not be fetched, or null when it may be. DNS failures count as refusals. */
export async function refusalOf(url: string, policy: UrlPolicy): Promise<string | null> {
  try {
    await assertUrlAllowed(url, policy);
    return null;
  } catch (err) {
    if (err instanceof BlockedUrlError) return err.reason;
    const code = (err as { code?: string }).code;
    return `could not resolve ${new URL(url).hostname}${code ? ` (${code})` : ''}`;
  }
}

/**
 * Routes submissions to the pipeline: a URL to `fetch`, a page's HTML (stored) to `extract`, an extracted
 * article (stored) to `dedup`. A URL is taken once per `claimTtlSeconds` (an atomic SET NX claim under the
 * deployment prefix); later submissions answer `duplicate` with the first job's id. URLs to fetch must pass
 * the SSRF policy.
 */
export function createIngester(deps: IngesterDeps) {
  const { redis, prefix, producers, stores } = deps;
  const now = deps.now ?? (() => new Date());
  const claimKey = (canonical: string) => `${prefix}:api:url:${hashId(canonical)}`;

  async function enqueue(s: Submission, canonical: string, jobId: string, via: IngestVia): Promise<void> {
    const opts: JobsOptions = { jobId };
    if (s.item.priority) opts.priority = s.item.priority;
    const sourceName = s.item.sourceName ?? null;
    if (s.kind === 'url') {
      await producers.fetch.add(
        { url: s.item.url, sourceName, outlet: null, hint: s.hint ?? null, via },
        opts,
      );
    } else if (s.kind === 'html') {
      const htmlKey = await stores.html.put(hashId(canonical), s.item.html);
      await producers.extract.add(
        {
          url: s.item.url,
          finalUrl: s.item.url,
          htmlKey,
          fetchedAt: now().toISOString(),
          sourceName,
          outlet: null,
          hint: null,
        },
        opts,
      );
    } else {
      const article = toPushedArticle(s.item, now());
      await stores.articles.put(article);
      await producers.dedup.add({ articleId: article.articleId }, opts);
    }
  }

  async function takeOne(s: Submission, index: number, via: IngestVia): Promise<ItemResult> {
    const url = s.item.url;
    if (s.kind === 'url') {
      const reason = await refusalOf(url, deps.urlPolicy);
      if (reason !== null) return { index, url, status: 'refused', reason };
    }
    const canonical = canonicalizeUrl(url);
    const queue = s.kind === 'url' ? 'fetch' : s.kind === 'html' ? 'extract' : 'dedup';
    const jobId = toJobId(`${via}-${queue}-${hashId(canonical)}`);
    const key = claimKey(canonical);
    const claimed = await redis.set(key, `${queue} ${jobId}`, 'EX', deps.claimTtlSeconds, 'NX');
    if (claimed === null) {
      const [firstQueue = queue, firstJob = ''] = ((await redis.get(key)) ?? '').split(' ');
      return {
        index,
        url,
        status: 'duplicate',
        queue: firstQueue,
        jobId: firstJob,
        reason: `already submitted within ${deps.claimTtlSeconds} s`,
      };
    }
    try {
      await enqueue(s, canonical, jobId, via);
    } catch (err) {
      await redis.del(key).catch(() => 0);
      throw err;
    }
    return { index, url, status: 'queued', queue, jobId };
  }

  return {
    /** Take each submission in order; throws (after releasing its claim) when Redis or a queue fails. */
    async ingest(submissions: readonly Submission[], via: IngestVia): Promise<ItemResult[]> {
      const results: ItemResult[] = [];
      for (const [index, s] of submissions.entries()) results.push(await takeOne(s, index, via));
      return results;
    },
  };
}
export type Ingester = ReturnType<typeof createIngester>;
