export { startExtractor } from './service.js';
export { ExtractorEnvSchema } from './config.js';
export type { ExtractorConfig } from './config.js';
export { toArticle } from './to-article.js';
