import { z } from 'zod';
import { HttpUrlSchema } from './http-url.js';

const IsoDate = z.iso.datetime({ offset: true });

export const AttributionSchema = z.strictObject({
  /** The sentence that credits another outlet, as written. */
  text: z.string(),
  /** Outlets named, original first: "This is reported by The Washington Post, according to UNN" → ["The Washington Post", "UNN"]. */
  outlets: z.array(z.string()),
});
export type Attribution = z.infer<typeof AttributionSchema>;

/** An extracted article, as stored between stages and as a copy in the published record. */
export const ArticleSchema = z.strictObject({
  articleId: z.string().min(1),
  url: HttpUrlSchema,
  canonicalUrl: HttpUrlSchema,
  /** Outlet that published this copy (site name, configured outlet, or host). */
  source: z.string().min(1),
  sourceName: z.string().nullable(),
  fetchedAt: IsoDate,
  title: z.string(),
  subtitle: z.string().nullable(),
  text: z.string(),
  authors: z.array(z.string()),
  publishedAt: IsoDate.nullable(),
  modifiedAt: IsoDate.nullable(),
  language: z.string().nullable(),
  siteName: z.string().nullable(),
  image: z.string().nullable(),
  section: z.string().nullable(),
  tags: z.array(z.string()),
  wordCount: z.number().int().nonnegative(),
  isPaywalled: z.boolean(),
  isTruncated: z.boolean(),
  attribution: AttributionSchema.nullable(),
});
export type Article = z.infer<typeof ArticleSchema>;
