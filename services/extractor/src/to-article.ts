import { toIsoDate } from '@wirehose/dates';
import type { ExtractedArticle } from '@wirehose/extraction';
import type { Article, ExtractJob } from '@wirehose/schemas';
import { hashId } from '@wirehose/store';

function validUrl(value: string | null | undefined, fallback: string): string {
  if (!value) return fallback;
  try {
    return new URL(value).toString();
  } catch {
    return fallback;
  }
}

/**
 * The stored article for an extraction: identity from the canonical URL, outlet from the page's site
 * name, else the source's configured outlet, else the host.
 */
export function toArticle(extracted: ExtractedArticle, job: ExtractJob): Article {
  const canonicalUrl = validUrl(extracted.canonicalUrl, job.finalUrl);
  const host = new URL(job.finalUrl).hostname;
  return {
    articleId: hashId(canonicalUrl),
    url: job.finalUrl,
    canonicalUrl,
    source: extracted.siteName?.trim() || job.outlet || host,
    sourceName: job.sourceName,
    fetchedAt: job.fetchedAt,
    title: extracted.title || job.hint?.title || '',
    subtitle: extracted.subtitle,
    text: extracted.text,
    authors: extracted.authors,
    publishedAt: toIsoDate(extracted.publishedAt) ?? toIsoDate(job.hint?.publishedAt),
    modifiedAt: toIsoDate(extracted.modifiedAt) ?? toIsoDate(job.hint?.updatedAt),
    language: extracted.language,
    siteName: extracted.siteName,
    image: extracted.image && URL.canParse(extracted.image) ? extracted.image : null,
    section: extracted.section,
    tags: extracted.tags,
    wordCount: extracted.wordCount,
    isPaywalled: extracted.isPaywalled,
    isTruncated: extracted.isTruncated,
    attribution: extracted.attribution,
  };
}
