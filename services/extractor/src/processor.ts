import { UnrecoverableError } from 'bullmq';
import { extractArticle } from '@wirehose/extraction';
import type { Logger } from '@wirehose/logger';
import { toJobId, type Producer } from '@wirehose/queue';
import type { DedupJobSchema, ExtractJob } from '@wirehose/schemas';
import type { Stores } from '@wirehose/store';
import { toArticle } from './to-article.js';

export interface ExtractDeps {
  stores: Stores;
  dedups: Producer<typeof DedupJobSchema>;
}

export type ExtractOutcome = { kind: 'article'; articleId: string } | { kind: 'not-article'; reason: string };

/** Extract the article from fetched HTML, store it, and hand it to dedup. */
export function createExtractProcessor(deps: ExtractDeps) {
  return async function processExtract(job: ExtractJob, log: Logger): Promise<ExtractOutcome> {
    const html = await deps.stores.html.get(job.htmlKey);
    if (html === null)
      throw new UnrecoverableError(`fetched HTML for ${job.finalUrl} expired (${job.htmlKey})`);
    const result = extractArticle(html, job.finalUrl);
    if (result.kind === 'not-article') {
      log.info({ url: job.finalUrl, reason: result.reason }, 'not an article');
      return { kind: 'not-article', reason: result.reason };
    }
    const article = toArticle(result.article, job);
    await deps.stores.articles.put(article);
    await deps.dedups.add({ articleId: article.articleId }, { jobId: toJobId(`dedup-${article.articleId}`) });
    log.debug({ url: job.finalUrl, articleId: article.articleId, words: article.wordCount }, 'extracted');
    return { kind: 'article', articleId: article.articleId };
  };
}
