import type { Logger } from '@wirehose/logger';
import {
  createDeadLetters,
  createRedis,
  type QueueContext,
  type StageDeps,
  type StageWorkerOptions,
} from '@wirehose/queue';

/** Observer of every stage worker's jobs (see `StageWorkerOptions.metrics`, `@wirehose/metrics`). */
export type WorkerMetricsHook = NonNullable<StageWorkerOptions['metrics']>;

/**
 * Open what stage services share: one data connection, queue settings, the dead-letter queue. A `metrics`
 * hook rides on the queue context: services build their workers from `{ ...deps.queues, log, deadLetters }`,
 * so it reaches every stage worker without each service passing it.
 */
export function createStageDeps({
  redisUrl,
  prefix,
  log,
  metrics,
  retention,
}: {
  redisUrl: string;
  prefix: string;
  log: Logger;
  metrics?: WorkerMetricsHook;
  retention?: StageDeps['retention'];
}): StageDeps & {
  queues: QueueContext & { metrics?: WorkerMetricsHook };
  close(): Promise<void>;
} {
  const redis = createRedis(redisUrl, 'worker');
  redis.on('error', (err) => log.error({ err }, 'redis error'));
  const queues = {
    connection: createRedis(redisUrl, 'worker'),
    prefix,
    ...(metrics ? { metrics } : {}),
  };
  queues.connection.on('error', (err) => log.error({ err }, 'redis error'));
  const deadLetters = createDeadLetters(queues);
  return {
    redis,
    queues,
    prefix,
    log,
    deadLetters,
    ...(retention ? { retention } : {}),
    async close() {
      await deadLetters.close();
      await Promise.allSettled([redis.quit(), (queues.connection as { quit(): Promise<unknown> }).quit()]);
    },
  };
}
