import type { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import type { preHandlerAsyncHookHandler, preValidationAsyncHookHandler } from 'fastify';
import type { Registry } from 'prom-client';
import type { Logger } from '@wirehose/logger';
import type { SearchHit, SearchOptions } from '@wirehose/sinks';
import type { Stores } from '@wirehose/store';
import type { IdempotencyStore } from './idempotency.js';
import type { Ingester } from './ingester.js';
import type { ApiOptions } from './options.js';
import type { WebSub } from './websub/subscriptions.js';
import type { ApiMetrics } from './api-metrics.js';

/** Everything route modules share, built once by `buildApp`. */
export interface ApiContext {
  redis: Redis;
  prefix: string;
  log: Logger;
  options: ApiOptions;
  stores: Stores;
  ingester: Ingester;
  idempotency: IdempotencyStore;
  websub: WebSub;
  /** The stage queues (readiness, dashboard). */
  stageQueues: readonly Queue[];
  registry: Registry;
  metrics: ApiMetrics;
  search: ((opts: SearchOptions) => Promise<SearchHit[]>) | null;
  /** Authenticate with an API key or an HMAC signature. */
  authenticate: preValidationAsyncHookHandler;
  /** Per-client rate limit (after authentication). */
  rateLimit: preHandlerAsyncHookHandler;
}
