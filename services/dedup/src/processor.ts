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
  /**
   * Called between the index write and the enqueue (tests: a crash there must not lose the article).
   * Production code passes nothing.
   */
  afterAssign?: (articleId: string) => Promise<void>;
}

/** Job ids of what follows a dedup decision: the same on every retry, so a retry adds nothing twice. */
export const eventsJobId = (storyId: string): string => toJobId(`events-${storyId}`);
export const copyPublishJobId = (articleId: string): string => toJobId(`publish-copy-${articleId}`);

/**
 * Place an article in a story. A new story goes to event extraction (which then publishes); a new copy
 * of a known story only re-publishes the story, so events are never extracted again for a copy.
 *
 * The index write and the enqueue are two steps; a crash between them leaves the article in the index
 * with nothing queued. So an article the index has "already seen" still makes sure its story's next
 * job exists: event extraction while the story has no stored events, else a publish. Both have
 * deterministic ids (a job still kept is not added again), and both are safe to run twice: events are
 * overwritten with the same result, and publishing unchanged content stores no new version.
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
    await deps.afterAssign?.(article.articleId);
    const { storyId, bestCopyId } = decision.story;
    let next: 'events' | 'publish';
    if (decision.status === 'new-story') next = 'events';
    else if (decision.status === 'new-copy') next = 'publish';
    else next = (await deps.stores.events.get(storyId)) === null ? 'events' : 'publish';
    if (next === 'events') {
      await deps.events.add({ storyId, articleId: bestCopyId }, { jobId: eventsJobId(storyId) });
    } else {
      await deps.publishes.add(
        { storyId, reason: 'new-copy' },
        { jobId: copyPublishJobId(article.articleId) },
      );
    }
    log.info(
      {
        articleId: article.articleId,
        storyId,
        status: decision.status,
        next,
        copies: decision.story.copies.length,
      },
      'deduplicated',
    );
    return { storyId, status: decision.status, copies: decision.story.copies.length };
  };
}
