import type { z } from 'zod';
import {
  CrawlJobSchema,
  DeadLetterSchema,
  DedupJobSchema,
  EventsJobSchema,
  ExtractJobSchema,
  FetchJobSchema,
  PublishJobSchema,
} from '@wirehose/schemas';

/** A queue: its name (after the stage that consumes it) and the schema of its payload. */
export interface QueueDef<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: S;
}

function defineQueue<S extends z.ZodType>(name: string, schema: S): QueueDef<S> {
  return { name, schema };
}

export const crawlQueue = defineQueue('crawl', CrawlJobSchema);
export const fetchQueue = defineQueue('fetch', FetchJobSchema);
export const extractQueue = defineQueue('extract', ExtractJobSchema);
export const dedupQueue = defineQueue('dedup', DedupJobSchema);
export const eventsQueue = defineQueue('extract-events', EventsJobSchema);
export const publishQueue = defineQueue('publish', PublishJobSchema);
export const deadLetterQueue = defineQueue('dead-letter', DeadLetterSchema);

/** The stage queues in pipeline order (the dead-letter queue is not a stage). */
export const STAGE_QUEUES = [
  crawlQueue,
  fetchQueue,
  extractQueue,
  dedupQueue,
  eventsQueue,
  publishQueue,
] as const;

/**
 * Key (under the deployment prefix) where the scheduler publishes the source names of the sources file
 * it applied last, and where fetchers read them to skip crawl jobs of sources removed since they were
 * queued.
 */
export const SOURCE_SET_KEY = 'sources:current';
