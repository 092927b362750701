import { UnrecoverableError } from 'bullmq';
import type { EventCoder } from '@wirehose/events';
import type { Logger } from '@wirehose/logger';
import { toJobId, type Producer } from '@wirehose/queue';
import type { EventsJob, PublishJobSchema } from '@wirehose/schemas';
import type { Stores } from '@wirehose/store';
import { collapseEvents } from './collapse.js';

export interface EventsDeps {
  stores: Stores;
  coder: EventCoder;
  publishes: Producer<typeof PublishJobSchema>;
}

/**
 * Code a story's events once, from its best copy, store them, and publish the story. A retry after a
 * crash between the two writes codes the same events again and queues the publish under the same id.
 */
export function createEventsProcessor(deps: EventsDeps) {
  return async function processEvents(job: EventsJob, log: Logger) {
    const article = await deps.stores.articles.get(job.articleId);
    if (!article)
      throw new UnrecoverableError(`article ${job.articleId} of story ${job.storyId} is not in the store`);
    const coded =
      article.language && article.language !== 'en'
        ? []
        : deps.coder.code({
            title: article.title,
            text: article.text,
            publishedAt: article.publishedAt,
            language: article.language,
          });
    const events = collapseEvents(coded, article.articleId);
    await deps.stores.events.put(job.storyId, events);
    await deps.publishes.add(
      { storyId: job.storyId, reason: 'events' },
      { jobId: toJobId(`publish-events-${job.storyId}`) },
    );
    log.info(
      { storyId: job.storyId, events: events.length, types: events.map((e) => e.type) },
      'events coded',
    );
    return { events: events.length };
  };
}
