import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createLogger } from '@wirehose/logger';
import { assertRedisDurable, readRedisDurability, RedisNotDurableError } from '@wirehose/queue';
import { startRedisServer, type OwnRedis } from '../../../bench/lib/redis-server.js';
import { spawnService } from './support.js';

const log = createLogger({ service: 'reliability-test', level: 'silent' });

describe('the Redis durability check at start-up', () => {
  const servers: OwnRedis[] = [];
  const clients: Redis[] = [];
  const open = async (settings: string[]): Promise<{ server: OwnRedis; redis: Redis }> => {
    const server = await startRedisServer(settings);
    servers.push(server);
    const redis = new Redis(server.url, { maxRetriesPerRequest: null });
    clients.push(redis);
    return { server, redis };
  };

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('accepts a Redis with the append-only file and no eviction', async () => {
    const { redis } = await open(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction']);
    const found = await assertRedisDurable(redis, { allowVolatile: false, log });
    expect(found).toEqual({ appendonly: 'yes', maxmemoryPolicy: 'noeviction', problems: [] });
  });

  it('refuses one without AOF or with an evicting policy, saying why, unless told it is throw-away', async () => {
    const { redis } = await open(['--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru']);
    const found = await readRedisDurability(redis);
    expect(found.problems).toHaveLength(2);
    const refused = assertRedisDurable(redis, { allowVolatile: false, log });
    await expect(refused).rejects.toBeInstanceOf(RedisNotDurableError);
    await expect(refused).rejects.toThrow(
      /appendonly is "no".*maxmemory-policy is "allkeys-lru".*REDIS_ALLOW_VOLATILE=true/,
    );
    await expect(assertRedisDurable(redis, { allowVolatile: true, log })).resolves.toMatchObject({
      appendonly: 'no',
    });
  });

  it('starts with a warning on a managed Redis that refuses CONFIG', async () => {
    const { redis } = await open(['--appendonly', 'no', '--rename-command', 'CONFIG', '']);
    await expect(assertRedisDurable(redis, { allowVolatile: false, log })).resolves.toEqual({
      appendonly: null,
      maxmemoryPolicy: null,
      problems: [],
    });
  });

  it('stops a service process at start-up on a Redis without AOF', async () => {
    const { server } = await open(['--appendonly', 'no']);
    const service = spawnService('dedup', {
      REDIS_URL: server.url,
      WIREHOSE_PREFIX: 'durability',
      REDIS_ALLOW_VOLATILE: 'false',
    });
    const fatal = await service.waitFor((l) => l['msg'] === 'fatal error');
    expect(JSON.stringify(fatal)).toContain('this Redis can lose accepted work');
    expect(await service.exited()).toBe(1);
  }, 60_000);
});
