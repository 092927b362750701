import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
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

export const ExtractOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), articleId: z.string().min(1) }),
  z.object({ kind: z.literal('not-article'), reason: z.string() }),
]);
export type ExtractOutcome = z.infer<typeof ExtractOutcomeSchema>;

/**
 * Where an extract job notes its outcome before it deletes the HTML (BullMQ's job progress): a retry
 * after a crash past that point finds the HTML gone and finishes from the note.
 */
export interface OutcomeNote {
  read(): ExtractOutcome | null;
  write(outcome: ExtractOutcome): Promise<void>;
}

const dedupJobId = (articleId: string): string => toJobId(`dedup-${articleId}`);

/**
 * Extract the article from fetched HTML, store it, hand it to dedup, then delete the HTML (dedup has
 * what it needs). Every step is safe to repeat: the article is overwritten with the same content and
 * the dedup job has a deterministic id.
 */
export function createExtractProcessor(deps: ExtractDeps) {
  return async function processExtract(
    job: ExtractJob,
    log: Logger,
    note?: OutcomeNote,
  ): Promise<ExtractOutcome> {
    const html = await deps.stores.html.get(job.htmlKey);
    if (html === null) {
      const done = note?.read() ?? null;
      if (!done) throw new UnrecoverableError(`fetched HTML for ${job.finalUrl} expired (${job.htmlKey})`);
      // An earlier attempt got past the hand-over and deleted the HTML: make sure dedup has the job.
      if (done.kind === 'article')
        await deps.dedups.add({ articleId: done.articleId }, { jobId: dedupJobId(done.articleId) });
      log.info({ url: job.finalUrl, outcome: done.kind }, 'extraction already done; hand-over checked');
      return done;
    }
    const result = extractArticle(html, job.finalUrl);
    let outcome: ExtractOutcome;
    if (result.kind === 'not-article') {
      log.info({ url: job.finalUrl, reason: result.reason }, 'not an article');
      outcome = { kind: 'not-article', reason: result.reason };
    } else {
      const article = toArticle(result.article, job);
      await deps.stores.articles.put(article);
      await deps.dedups.add({ articleId: article.articleId }, { jobId: dedupJobId(article.articleId) });
      log.debug({ url: job.finalUrl, articleId: article.articleId, words: article.wordCount }, 'extracted');
      outcome = { kind: 'article', articleId: article.articleId };
    }
    await note?.write(outcome);
    await deps.stores.html.delete(job.htmlKey);
    return outcome;
  };
}
