export { createRedis, parseRedisUrl, RedisUrlError } from './redis.js';
export type { Redis, RedisTarget, RedisAuth } from './redis.js';
export { hashTagOf, queueHashTag, queueKey, queueOptions, queuePrefix, sameSlotKey } from './queue-keys.js';
export {
  crawlQueue,
  fetchQueue,
  extractQueue,
  dedupQueue,
  eventsQueue,
  publishQueue,
  deadLetterQueue,
  STAGE_QUEUES,
  SOURCE_SET_KEY,
} from './queues.js';
export type { QueueDef } from './queues.js';
export { DEFAULT_JOB_OPTIONS, toJobId } from './job-options.js';
export { createProducer, InvalidJobError } from './producer.js';
export type { Producer, QueueContext } from './producer.js';
export { createStageWorker } from './worker.js';
export type { StageProcessor, StageWorkerOptions } from './worker.js';
export { stageLock } from './stage-lock.js';
export type { StageLock } from './stage-lock.js';
export { assertRedisDurable, readRedisDurability, RedisNotDurableError } from './redis-durability.js';
export type { RedisDurability } from './redis-durability.js';
export { createDeadLetters, DEAD_LETTER_MAX_AGE_SECONDS } from './dead-letter.js';
export type { DeadLetters, DeadLetterEntry } from './dead-letter.js';
export { getQueueCounts, waitForIdle } from './idle.js';
export type { QueueCounts } from './idle.js';
export type { StageDeps, RunningService } from './stage-deps.js';
