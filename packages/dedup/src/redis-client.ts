import { Redis } from 'ioredis';

/** A Redis connection for scripts and tests that live outside a package (bench/, test/), which cannot resolve ioredis themselves. */
export function connectRedis(url: string = 'redis://127.0.0.1:6379'): Redis {
  return new Redis(url, { maxRetriesPerRequest: 3 });
}

export type { Redis };
