import { z } from 'zod';

/**
 * Kinds of source the crawler understands. `feed` means "detect RSS, Atom or JSON Feed from the body";
 * the sitemap kinds all accept either a urlset or a sitemap index; `section` is an HTML page whose
 * article links match `linkPattern`; `robots` reads the Sitemap lines of a site's robots.txt.
 */
export const SOURCE_KINDS = [
  'feed',
  'rss',
  'atom',
  'jsonfeed',
  'sitemap',
  'news-sitemap',
  'sitemap-index',
  'section',
  'robots',
] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** One crawl source as written in the sources file. */
export const SourceSchema = z
  .strictObject({
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
    /** For `section` sources: a regular expression that article links (absolute URLs) must match. */
    linkPattern: z.string().refine(isRegExp, 'not a valid regular expression').optional(),
    /** Outlet name used when an article names none. */
    outlet: z.string().optional(),
    limits: z
      .strictObject({
        /** New items enqueued from one document per poll, in document order; the rest wait for the next poll. */
        maxItemsPerPoll: z.number().int().positive().default(200),
        /** Largest body accepted for this source's own documents (feed, sitemaps, section page); articles use FETCH_MAX_BYTES. */
        maxBytes: z.number().int().positive().optional(),
        /** Child sitemaps of an index handled per crawl job; the rest go to a follow-up job (backfill paging). */
        sitemapsPerJob: z.number().int().positive().default(50),
        /** Largest number of child sitemaps followed from one index (0: all). */
        maxSitemaps: z.number().int().nonnegative().default(0),
      })
      .default({ maxItemsPerPoll: 200, sitemapsPerJob: 50, maxSitemaps: 0 }),
    enabled: z.boolean().default(true),
  })
  .superRefine((source, ctx) => {
    if (source.kind === 'section' && !source.linkPattern)
      ctx.addIssue({ code: 'custom', path: ['linkPattern'], message: 'a section source needs linkPattern' });
  });
export type Source = z.infer<typeof SourceSchema>;
export type SourceInput = z.input<typeof SourceSchema>;

export const SourcesFileSchema = z.strictObject({
  sources: z.array(SourceSchema),
});
export type SourcesFile = z.infer<typeof SourcesFileSchema>;

/**
 * What the scheduler publishes after each sync (under the queue package's SOURCE_SET_KEY): every source
 * name of the file it applied, enabled or not, and where from. Fetchers read it to skip crawl jobs of
 * sources removed since they were queued.
 */
export const PublishedSourceSetSchema = z.object({
  file: z.string(),
  names: z.array(z.string()),
  syncedAt: z.string(),
});
export type PublishedSourceSet = z.infer<typeof PublishedSourceSetSchema>;
