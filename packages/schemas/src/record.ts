import { z } from 'zod';
import { HttpUrlSchema } from './http-url.js';
import { ArticleSchema } from './article.js';
import { StoryEventSchema } from './event.js';

export const RECORD_SCHEMA_ID = 'wirehose.record/v1';
export const RECORD_SCHEMA_URL = 'https://wirehose.dev/schemas/record/v1.json';

export const StoryCopySchema = ArticleSchema.omit({ text: true, subtitle: true }).extend({
  matchedBy: z.enum(['first', 'url', 'hash', 'near']),
  /** Share of this copy's shingles found in the story (containment), 0..1. */
  similarity: z.number().min(0).max(1),
});
export type StoryCopy = z.infer<typeof StoryCopySchema>;

/**
 * The published record of a story: one per story id, re-published with a higher `version` whenever
 * the story gains copies or events. Consumers keep the highest version they have seen.
 */
export const StoryRecordSchema = z.strictObject({
  $schema: z.literal(RECORD_SCHEMA_URL),
  schema: z.literal(RECORD_SCHEMA_ID),
  id: z.string().min(1),
  version: z.number().int().positive(),
  /** sha256 of the record's content (all but version, publishedAt and this field). */
  contentHash: z.string(),
  publishedAt: z.iso.datetime({ offset: true }),
  /**
   * `merged`: this story was folded into `mergedInto` (copies arriving later showed two stories are one);
   * consumers should drop it in favour of that story. Its other fields are those of its last active version.
   */
  status: z.enum(['active', 'merged']).default('active'),
  mergedInto: z.string().nullable().default(null),
  story: z.strictObject({
    title: z.string(),
    text: z.string(),
    url: HttpUrlSchema,
    language: z.string().nullable(),
    firstPublishedAt: z.iso.datetime({ offset: true }).nullable(),
    bestCopyId: z.string(),
    original: z.strictObject({
      source: z.string(),
      basis: z.enum(['attribution', 'earliest']),
      articleId: z.string().nullable(),
    }),
    /** Who cites whom, e.g. ["UNN", "The Washington Post"] reads "UNN citing The Washington Post". */
    attributionChain: z.array(z.string()),
    copyCount: z.number().int().positive(),
    outlets: z.array(z.string()),
    mergedFrom: z.array(z.string()),
  }),
  copies: z.array(StoryCopySchema).min(1),
  events: z.array(StoryEventSchema),
});
export type StoryRecord = z.infer<typeof StoryRecordSchema>;
