import { Redis } from 'ioredis';

/** Fail fast, with a hint, when the Redis the integration tests need is not there. */
export default async function setup(): Promise<void> {
  const url = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(
      `integration tests need Redis at ${url} (${(err as Error).message}). Start one with:\n` +
        '  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
    );
  } finally {
    redis.disconnect();
  }
}
