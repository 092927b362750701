import type { Logger } from '@wirehose/logger';
import { toJobId, type Producer } from '@wirehose/queue';
import type { ExtractJobSchema, FetchJob } from '@wirehose/schemas';
import { identityUrl, tryCanonicalizeUrl, type HttpClient } from '@wirehose/http-fetch';
import { hashId, type Stores } from '@wirehose/store';
import { unsupportedPageReason } from './content-type.js';
import type { SeenSet } from './seen-set.js';

export interface FetchDeps {
  http: HttpClient;
  stores: Stores;
  extracts: Producer<typeof ExtractJobSchema>;
  seen: SeenSet;
}

export type FetchResult =
  | {
      status: number;
      bytes: number;
      finalUrl: string;
      /** The page's identity: rel=canonical / og:url on the same site, else the final URL, canonicalised. */
      identity: string;
    }
  | { status: number; bytes: number; finalUrl: string; skipped: string };

/**
 * Download one article, keep its HTML for the extractor, enqueue the extraction, and mark the page's
 * canonical identity seen, so discovery through another URL of the same page does not fetch it again.
 * A response that is not an HTML or XHTML page (a PDF, JSON) is skipped with the reason as the job's
 * result. The HTML key and the extract job id are derived from the URL and the content, so a retry
 * after a crash queues the same extraction once, and two versions of a page never share a key.
 * Errors are classified by the HTTP client; the caller applies the retry rules.
 */
export function createFetchProcessor(deps: FetchDeps) {
  return async function processFetch(job: FetchJob, log: Logger): Promise<FetchResult> {
    const page = await deps.http.get(job.url);
    const skipped = unsupportedPageReason(page.contentType, page.body);
    if (skipped !== null) {
      log.info({ url: job.url, finalUrl: page.finalUrl, reason: skipped }, 'not a page; skipped');
      return { status: page.status, bytes: page.bytes, finalUrl: page.finalUrl, skipped };
    }
    const identity = identityUrl(page.body, page.finalUrl);
    const contentId = hashId(`${page.finalUrl}\n${page.body}`);
    const htmlKey = await deps.stores.html.put(contentId, page.body);
    await deps.extracts.add(
      {
        url: job.url,
        finalUrl: page.finalUrl,
        htmlKey,
        fetchedAt: new Date().toISOString(),
        sourceName: job.sourceName,
        outlet: job.outlet,
        hint: job.hint,
      },
      { jobId: toJobId(`extract-${contentId}`) },
    );
    const version = job.hint?.updatedAt ?? job.hint?.publishedAt ?? '';
    if (identity !== tryCanonicalizeUrl(job.url)) await deps.seen.mark(identity, version);
    log.debug({ url: job.url, status: page.status, bytes: page.bytes, identity }, 'fetched');
    return { status: page.status, bytes: page.bytes, finalUrl: page.finalUrl, identity };
  };
}
