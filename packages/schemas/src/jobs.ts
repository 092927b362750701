import { z } from 'zod';
import { HttpUrlSchema } from './http-url.js';
import { SourceSchema } from './source.js';
import { ArticleSchema } from './article.js';

/** `crawl`: poll one source (feed, sitemap or section page) and enqueue fetches for new items. */
export const CrawlJobSchema = z.strictObject({
  source: SourceSchema,
  /** Sitemap indexes are paged: a child sitemap URL to read instead of `source.url`. */
  pageUrl: HttpUrlSchema.optional(),
  /** Paging through a big sitemap index: the first child sitemap this job handles. */
  offset: z.number().int().nonnegative().optional(),
  /** How many sitemap indexes led to this page (nested indexes stop at a limit). */
  depth: z.number().int().nonnegative().optional(),
});
export type CrawlJob = z.infer<typeof CrawlJobSchema>;

/** Hints a feed gives about an item before it is fetched. */
export const FeedItemHintSchema = z.strictObject({
  title: z.string().nullable().default(null),
  publishedAt: z.string().nullable().default(null),
  updatedAt: z.string().nullable().default(null),
});
export type FeedItemHint = z.infer<typeof FeedItemHintSchema>;

/** `fetch`: download one article URL. */
export const FetchJobSchema = z.strictObject({
  url: HttpUrlSchema,
  sourceName: z.string().nullable().default(null),
  outlet: z.string().nullable().default(null),
  hint: FeedItemHintSchema.nullable().default(null),
  /** How the URL reached us. */
  via: z.enum(['crawl', 'ingest', 'websub', 'replay']).default('crawl'),
});
export type FetchJob = z.infer<typeof FetchJobSchema>;
export type FetchJobInput = z.input<typeof FetchJobSchema>;

/** `extract`: turn fetched HTML (stored in Redis under `htmlKey`) into an article. */
export const ExtractJobSchema = z.strictObject({
  url: HttpUrlSchema,
  finalUrl: HttpUrlSchema,
  htmlKey: z.string().min(1),
  fetchedAt: z.iso.datetime({ offset: true }),
  sourceName: z.string().nullable().default(null),
  outlet: z.string().nullable().default(null),
  hint: FeedItemHintSchema.nullable().default(null),
});
export type ExtractJob = z.infer<typeof ExtractJobSchema>;

/** `dedup`: place a stored article in a story. */
export const DedupJobSchema = z.strictObject({
  articleId: z.string().min(1),
});
export type DedupJob = z.infer<typeof DedupJobSchema>;

/** `extract-events`: code the events of a story from its best copy. */
export const EventsJobSchema = z.strictObject({
  storyId: z.string().min(1),
  articleId: z.string().min(1),
});
export type EventsJob = z.infer<typeof EventsJobSchema>;

/** `publish`: (re)build a story's record and hand it to the sinks. */
export const PublishJobSchema = z.strictObject({
  storyId: z.string().min(1),
  reason: z.enum(['new-story', 'new-copy', 'events', 'replay']),
});
export type PublishJob = z.infer<typeof PublishJobSchema>;

/** A document pushed in whole: already-extracted fields skip the fetch and extract stages. */
export const PushedArticleSchema = ArticleSchema.pick({
  url: true,
  title: true,
  text: true,
}).extend(ArticleSchema.pick({ authors: true, publishedAt: true, language: true }).partial().shape);
export type PushedArticle = z.infer<typeof PushedArticleSchema>;

/** `dead-letter`: a job that failed its last attempt, kept whole so it can be inspected and replayed. */
export const DeadLetterSchema = z.strictObject({
  queue: z.string(),
  jobId: z.string().nullable(),
  name: z.string(),
  data: z.unknown(),
  error: z.string(),
  stack: z.string().nullable(),
  attemptsMade: z.number().int(),
  failedAt: z.iso.datetime({ offset: true }),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;
