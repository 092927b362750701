export { startDedup } from './service.js';
export { DedupEnvSchema } from './config.js';
export type { DedupConfig } from './config.js';
