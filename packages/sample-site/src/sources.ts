import type { SourceInput } from '@wirehose/schemas';

/** The crawl sources of a running sample site: its RSS feed and its sitemap index. */
export function sampleSources(baseUrl: string): SourceInput[] {
  return [
    { name: 'sample-rss', kind: 'rss', url: `${baseUrl}/feed.xml`, intervalSeconds: 300 },
    { name: 'sample-sitemap', kind: 'sitemap-index', url: `${baseUrl}/sitemap.xml`, intervalSeconds: 3600 },
  ];
}
