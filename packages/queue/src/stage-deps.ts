import type { Redis } from 'ioredis';
import type { Logger } from '@wirehose/logger';
import type { DeadLetters } from './dead-letter.js';
import type { QueueContext } from './producer.js';

/** What every stage service is started with. */
export interface StageDeps {
  /** Connection for data (stores, indexes); queues open their own from `queues.connection`. */
  redis: Redis;
  queues: QueueContext;
  /** Deployment key prefix, shared by queues and data. */
  prefix: string;
  log: Logger;
  deadLetters: DeadLetters;
  /** How long stored data is kept; services pass it to `createStores`. Unset: the store's defaults. */
  retention?: { htmlTtlSeconds?: number; dataTtlSeconds?: number };
}

/** A started service: close stops intake, lets jobs in hand finish, then releases its queues. */
export interface RunningService {
  readonly name: string;
  close(): Promise<void>;
}
