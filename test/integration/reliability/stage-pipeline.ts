import { loadConfig } from '@wirehose/config';
import type { Logger } from '@wirehose/logger';
import { waitForIdle, type RunningService } from '@wirehose/queue';
import { createStageDeps } from '@wirehose/runtime';
import type { StoryRecord } from '@wirehose/schemas';
import { recordsStreamKey, sinkQueueName } from '@wirehose/sinks';
import { DedupEnvSchema, startDedup } from '@wirehose/svc-dedup';
import { EventsEnvSchema, startEvents } from '@wirehose/svc-events';
import { PublisherEnvSchema, startPublisher } from '@wirehose/svc-publisher';
import type { Redis } from 'ioredis';
import { REDIS_URL } from '../../support/redis.js';

/** dedup → events → publisher (records stream sink only) in this process, on the test's prefix. */
export async function startDownstream(prefix: string, log: Logger) {
  const deps = createStageDeps({ redisUrl: REDIS_URL, prefix, log });
  const services: RunningService[] = [
    startDedup(deps, loadConfig(DedupEnvSchema, {})),
    startEvents(deps, loadConfig(EventsEnvSchema, {})),
    await startPublisher(deps, loadConfig(PublisherEnvSchema, { NDJSON_PATH: '' })),
  ];
  return {
    deps,
    idle: (timeoutMs = 60_000) =>
      waitForIdle(deps.queues, { timeoutMs, extra: [sinkQueueName('redis-stream')] }),
    async close() {
      for (const s of services.reverse()) await s.close();
      await deps.close();
    },
  };
}

/** Every record version the records stream sink wrote under `prefix`. */
export async function streamedRecords(redis: Redis, prefix: string): Promise<StoryRecord[]> {
  const entries = await redis.xrange(recordsStreamKey(prefix, 'records'), '-', '+');
  return entries.map(
    ([, fields]) => JSON.parse(fields[fields.indexOf('record') + 1] ?? 'null') as StoryRecord,
  );
}
