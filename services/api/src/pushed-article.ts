import { canonicalizeUrl } from '@wirehose/http-fetch';
import type { Article } from '@wirehose/schemas';
import { hashId } from '@wirehose/store';
import type { ArticleItem } from './ingest-schema.js';

function countWords(text: string): number {
  const words = text.trim().split(/\s+/u);
  return words[0] === '' ? 0 : words.length;
}

/**
 * The stored article for a pushed document, with the extractor's conventions: identity from the canonical
 * URL (`articleId = hashId(canonical URL)`), outlet from the host, fields the client did not send empty.
 */
export function toPushedArticle(item: ArticleItem, fetchedAt: Date): Article {
  const canonicalUrl = canonicalizeUrl(item.url);
  return {
    articleId: hashId(canonicalUrl),
    url: item.url,
    canonicalUrl,
    source: new URL(item.url).hostname,
    sourceName: item.sourceName ?? null,
    fetchedAt: fetchedAt.toISOString(),
    title: item.title,
    subtitle: null,
    text: item.text,
    authors: item.authors ?? [],
    publishedAt: item.publishedAt ?? null,
    modifiedAt: null,
    language: item.language ?? null,
    siteName: null,
    image: null,
    section: null,
    tags: [],
    wordCount: countWords(item.text),
    isPaywalled: false,
    isTruncated: false,
    attribution: null,
  };
}
