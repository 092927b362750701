import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

const OutletSchema = z.strictObject({
  name: z.string(),
  layout: z.enum(['portal', 'magazine']),
  /** The outlet's own home, used for canonical URLs. */
  site: z.url(),
});

const SampleArticleSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9/-]+$/),
  outlet: z.string(),
  title: z.string(),
  author: z.string(),
  published: z.iso.datetime({ offset: true }),
  section: z.string(),
  tags: z.array(z.string()),
  feeds: z.array(z.enum(['rss', 'sitemap', 'news-sitemap'])).min(1),
  paragraphs: z.array(z.string()).min(1),
});

const SampleContentSchema = z.strictObject({
  outlets: z.record(z.string(), OutletSchema),
  articles: z.array(SampleArticleSchema),
});

export type SampleOutlet = z.infer<typeof OutletSchema>;
export type SampleArticle = z.infer<typeof SampleArticleSchema>;
export type SampleContent = z.infer<typeof SampleContentSchema>;

/** The bundled sample's articles and outlets, validated. */
export function loadSampleContent(
  path = fileURLToPath(new URL('../content/articles.yaml', import.meta.url)),
): SampleContent {
  const content = SampleContentSchema.parse(parse(readFileSync(path, 'utf8')));
  for (const article of content.articles) {
    if (!content.outlets[article.outlet])
      throw new Error(`sample article ${article.slug} names unknown outlet ${article.outlet}`);
  }
  return content;
}
