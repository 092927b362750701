import { UnrecoverableError } from 'bullmq';
import type { DedupIndex } from '@wirehose/dedup';
import type { Logger } from '@wirehose/logger';
import { toJobId, type Producer } from '@wirehose/queue';
import type { DedupJob, EventsJobSchema, PublishJobSchema } from '@wirehose/schemas';
import type { Stores } from '@wirehose/store';

export interface DedupDeps {
  stores: Stores;
  index: DedupIndex;
  events: Producer<typeof EventsJobSchema>;
  publishes: Producer<typeof PublishJobSchema>;
}

/**
 * Place an article in a story. A new story goes to event extraction (which then publishes); a new copy
 * of a known story only re-publishes the story, so events are never extracted again for a copy.
 */
export function createDedupProcessor(deps: DedupDeps) {
  return async function processDedup(job: DedupJob, log: Logger) {
    const article = await deps.stores.articles.get(job.articleId);
    if (!article) throw new UnrecoverableError(`article ${job.articleId} is not in the store (expired?)`);
    const decision = await deps.index.assign({
      articleId: article.articleId,
      url: article.url,
      canonicalUrl: article.canonicalUrl,
      title: article.title,
      text: article.text,
      source: article.source,
      publishedAt: article.publishedAt,
      attribution: article.attribution,
    });
    const { storyId } = decision.story;
    if (decision.status === 'new-story') {
      await deps.events.add(
        { storyId, articleId: decision.story.bestCopyId },
        { jobId: toJobId(`events-${storyId}`) },
      );
    } else if (decision.status === 'new-copy') {
      await deps.publishes.add({ storyId, reason: 'new-copy' });
    }
    log.info(
      {
        articleId: article.articleId,
        storyId,
        status: decision.status,
        copies: decision.story.copies.length,
      },
      'deduplicated',
    );
    return { storyId, status: decision.status, copies: decision.story.copies.length };
  };
}
