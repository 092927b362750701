import { UnrecoverableError } from 'bullmq';
import type { Logger } from '@wirehose/logger';
import type { Producer } from '@wirehose/queue';
import type { ExtractJobSchema, FetchJob } from '@wirehose/schemas';
import { FetchError, type HttpClient } from '@wirehose/http-fetch';
import { hashId, type Stores } from '@wirehose/store';

export interface FetchDeps {
  http: HttpClient;
  stores: Stores;
  extracts: Producer<typeof ExtractJobSchema>;
}

/** Download one article, keep its HTML for the extractor, and enqueue the extraction. */
export function createFetchProcessor(deps: FetchDeps) {
  return async function processFetch(job: FetchJob, log: Logger): Promise<{ status: number; bytes: number }> {
    let page;
    try {
      page = await deps.http.get(job.url);
    } catch (err) {
      // Permanent failures (most 4xx, oversized bodies) must not be retried.
      if (err instanceof FetchError && err.permanent) throw new UnrecoverableError(err.message);
      throw err;
    }
    const htmlKey = await deps.stores.html.put(hashId(page.finalUrl), page.body);
    await deps.extracts.add({
      url: job.url,
      finalUrl: page.finalUrl,
      htmlKey,
      fetchedAt: new Date().toISOString(),
      sourceName: job.sourceName,
      outlet: job.outlet,
      hint: job.hint,
    });
    log.debug({ url: job.url, status: page.status, bytes: page.body.length }, 'fetched');
    return { status: page.status, bytes: page.body.length };
  };
}
