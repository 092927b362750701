export { startFetcher } from './service.js';
export type { FetcherOptions } from './service.js';
export { FetcherEnvSchema } from './config.js';
export type { FetcherConfig } from './config.js';
