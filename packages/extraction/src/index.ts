export { extractArticle } from './extract-article.js';
export type {
  ArticleJsonLd,
  Attribution,
  DateSource,
  ExtractOptions,
  ExtractResult,
  ExtractedArticle,
} from './types.js';
