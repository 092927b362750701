export {
  SOURCE_KINDS,
  SourceKindSchema,
  SourceSchema,
  SourcesFileSchema,
  PublishedSourceSetSchema,
} from './source.js';
export type { SourceKind, Source, SourceInput, SourcesFile, PublishedSourceSet } from './source.js';
export { AttributionSchema, ArticleSchema } from './article.js';
export type { Attribution, Article } from './article.js';
export { PLOVER_TYPES, PloverTypeSchema, ActorSchema, StoryEventSchema } from './event.js';
export type { Actor, StoryEvent } from './event.js';
export { RECORD_SCHEMA_ID, RECORD_SCHEMA_URL, StoryCopySchema, StoryRecordSchema } from './record.js';
export type { StoryCopy, StoryRecord } from './record.js';
export {
  CrawlJobSchema,
  FeedItemHintSchema,
  FetchJobSchema,
  ExtractJobSchema,
  DedupJobSchema,
  EventsJobSchema,
  PublishJobSchema,
  PushedArticleSchema,
  DeadLetterSchema,
} from './jobs.js';
export type {
  CrawlJob,
  FeedItemHint,
  FetchJob,
  FetchJobInput,
  ExtractJob,
  DedupJob,
  EventsJob,
  PublishJob,
  PushedArticle,
  DeadLetter,
} from './jobs.js';
export { recordJsonSchema } from './json-schema.js';
export { HttpUrlSchema } from './http-url.js';
