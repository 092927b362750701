export { ensureRedis, RedisNotFoundError } from './private-redis.js';
export type { RedisHandle } from './private-redis.js';
export { startPipeline } from './pipeline.js';
export type { Pipeline } from './pipeline.js';
export { runDemo } from './commands/demo.js';
export type { DemoOptions, DemoResult } from './commands/demo.js';
export { listDeadLetters, retryDeadLetters } from './commands/dlq.js';
export { SERVICES, SERVICE_NAMES, isServiceName } from './service-registry.js';
export type { ServiceName } from './service-registry.js';
