import { z } from 'zod';

/** Kinds of source the crawler understands. `feed` means "detect RSS, Atom or JSON Feed from the body". */
export const SOURCE_KINDS = [
  'feed',
  'rss',
  'atom',
  'jsonfeed',
  'sitemap',
  'news-sitemap',
  'sitemap-index',
  'section',
] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** One crawl source as written in the sources file. */
export const SourceSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'use letters, digits, dot, dash or underscore'),
  kind: SourceKindSchema,
  url: z.url(),
  /** How often the scheduler polls the source, in seconds. */
  intervalSeconds: z.number().int().min(10).default(900),
  /** Extra request headers sent with every request for this source. */
  headers: z.record(z.string(), z.string()).default({}),
  /** For `section` sources: a regular expression that article links must match. */
  linkPattern: z.string().optional(),
  /** Outlet name used when an article names none. */
  outlet: z.string().optional(),
  limits: z
    .strictObject({
      maxItemsPerPoll: z.number().int().positive().default(200),
      maxBytes: z.number().int().positive().optional(),
    })
    .default({ maxItemsPerPoll: 200 }),
  enabled: z.boolean().default(true),
});
export type Source = z.infer<typeof SourceSchema>;
export type SourceInput = z.input<typeof SourceSchema>;

export const SourcesFileSchema = z.strictObject({
  sources: z.array(SourceSchema),
});
export type SourcesFile = z.infer<typeof SourcesFileSchema>;
