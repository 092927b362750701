import type { Redis } from 'ioredis';
import type { Logger } from '@wirehose/logger';

/** What a Redis server says about keeping the queues: its append-only file and eviction policy. */
export interface RedisDurability {
  /** `appendonly` (`yes`/`no`), or null when CONFIG is refused (managed Redis). */
  appendonly: string | null;
  /** `maxmemory-policy`, or null when CONFIG is refused. */
  maxmemoryPolicy: string | null;
  /** Why this Redis may lose accepted work; empty when it keeps it. */
  problems: string[];
}

/** Redis may lose queued jobs or stored data; refused at start-up unless REDIS_ALLOW_VOLATILE=true. */
export class RedisNotDurableError extends Error {
  override readonly name = 'RedisNotDurableError';
  constructor(readonly problems: readonly string[]) {
    super(
      `this Redis can lose accepted work: ${problems.join('; ')}. Fix: \`CONFIG SET appendonly yes\` ` +
        '(and `appendonly yes` in redis.conf) and `maxmemory-policy noeviction`; or, for a throw-away ' +
        'Redis (tests, demos), set REDIS_ALLOW_VOLATILE=true to start anyway',
    );
  }
}

async function configGet(redis: Redis, name: string): Promise<string | null> {
  const reply = await redis.call('CONFIG', 'GET', name);
  return Array.isArray(reply) && typeof reply[1] === 'string' ? reply[1] : null;
}

/**
 * Read `appendonly` and `maxmemory-policy`. Without the append-only file, a Redis restart loses every
 * job and record written since the last snapshot (work the API already answered 202 for); with an
 * evicting policy, Redis drops keys (queued jobs, stored HTML) under memory pressure. A Redis that
 * refuses CONFIG (managed services) cannot be checked: reported with nulls and no problems, and the
 * caller warns.
 */
export async function readRedisDurability(redis: Redis): Promise<RedisDurability> {
  let appendonly: string | null;
  let maxmemoryPolicy: string | null;
  try {
    appendonly = await configGet(redis, 'appendonly');
    maxmemoryPolicy = await configGet(redis, 'maxmemory-policy');
  } catch {
    return { appendonly: null, maxmemoryPolicy: null, problems: [] };
  }
  const problems: string[] = [];
  if (appendonly !== null && appendonly !== 'yes')
    problems.push(`appendonly is "${appendonly}" (a restart loses what the last snapshot missed)`);
  if (maxmemoryPolicy !== null && maxmemoryPolicy !== 'noeviction')
    problems.push(`maxmemory-policy is "${maxmemoryPolicy}" (Redis may evict queued jobs and data)`);
  return { appendonly, maxmemoryPolicy, problems };
}

/**
 * The start-up check of every service: refuse (throw RedisNotDurableError) a Redis that can lose
 * accepted work, or, with `allowVolatile` (REDIS_ALLOW_VOLATILE=true), start with a loud warning.
 */
export async function assertRedisDurable(
  redis: Redis,
  { allowVolatile, log }: { allowVolatile: boolean; log: Logger },
): Promise<RedisDurability> {
  const found = await readRedisDurability(redis);
  if (found.appendonly === null) {
    log.warn(
      'could not read the Redis configuration (CONFIG is refused here); make sure it runs with ' +
        'appendonly yes and maxmemory-policy noeviction, or queued work can be lost',
    );
  } else if (found.problems.length > 0) {
    if (!allowVolatile) throw new RedisNotDurableError(found.problems);
    log.warn(
      { problems: found.problems },
      'REDIS_ALLOW_VOLATILE=true: starting on a Redis that can LOSE ACCEPTED WORK (no AOF or an evicting policy); do not run production like this',
    );
  }
  return found;
}
