import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

/**
 * A Redis connection for one role. Workers block and must wait out outages
 * (`maxRetriesPerRequest: null`); request-path producers fail fast instead of queueing commands offline.
 */
export function createRedis(
  url: string,
  role: 'worker' | 'producer' = 'worker',
  extra: RedisOptions = {},
): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, ...extra }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, ...extra };
  return new Redis(url, options);
}
