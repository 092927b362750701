import type { Logger } from '@wirehose/logger';
import { createDeadLetters, createRedis, type StageDeps } from '@wirehose/queue';

/** Open what stage services share: one data connection, queue settings, the dead-letter queue. */
export function createStageDeps({
  redisUrl,
  prefix,
  log,
}: {
  redisUrl: string;
  prefix: string;
  log: Logger;
}): StageDeps & {
  close(): Promise<void>;
} {
  const redis = createRedis(redisUrl, 'worker');
  redis.on('error', (err) => log.error({ err }, 'redis error'));
  const queues = { connection: createRedis(redisUrl, 'worker'), prefix };
  queues.connection.on('error', (err) => log.error({ err }, 'redis error'));
  const deadLetters = createDeadLetters(queues);
  return {
    redis,
    queues,
    prefix,
    log,
    deadLetters,
    async close() {
      await deadLetters.close();
      await Promise.allSettled([redis.quit(), (queues.connection as { quit(): Promise<unknown> }).quit()]);
    },
  };
}
