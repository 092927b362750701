import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * One atomic step of the shared limiter. KEYS: host leases (zset lease -> expiry ms), host next-start
 * time, global leases. ARGV: lease id, host max, min delay ms, global max (0 = none), lease ttl ms.
 * Uses the Redis clock so processes on different machines agree. Returns {1, 0} when a lease was
 * taken, else {0, ms to wait}.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease, hostMax, minDelay, globalMax, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if globalMax > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
  if redis.call('ZCARD', KEYS[3]) >= globalMax then
    local first = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
    return {0, math.max(50, math.min(1000, tonumber(first[2]) - now))}
  end
end
if redis.call('ZCARD', KEYS[1]) >= hostMax then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, math.max(50, math.min(1000, tonumber(first[2]) - now))}
end
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < nextAt then
  return {0, nextAt - now}
end
redis.call('ZADD', KEYS[1], now + ttl, lease)
redis.call('PEXPIRE', KEYS[1], ttl + 1000)
if globalMax > 0 then
  redis.call('ZADD', KEYS[3], now + ttl, lease)
  redis.call('PEXPIRE', KEYS[3], ttl + 1000)
end
if minDelay > 0 then
  redis.call('SET', KEYS[2], now + minDelay, 'PX', minDelay + 1000)
end
return {1, 0}
`;

/** Release a lease; the next start is still no sooner than `minDelay` after the release. */
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
local minDelay = tonumber(ARGV[2])
if minDelay > 0 then
  local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
  if nextAt < now + minDelay then
    redis.call('SET', KEYS[2], now + minDelay, 'PX', minDelay + 1000)
  end
end
return 1
`;

export interface HostLimiterOptions {
  redis: Redis;
  prefix: string;
  /** Requests in flight to one host, across every process. */
  perHostConcurrency?: number;
  /** Requests in flight in total, across every process (0: no limit). */
  globalConcurrency?: number;
  /** Minimum time between requests to one host, in ms (robots Crawl-delay may raise it per call). */
  minDelayMs?: number;
  /** A lease not released in this time (a crashed process) expires. */
  leaseTtlMs?: number;
}

export type Acquired = { ok: true; release: () => Promise<void> } | { ok: false; waitMs: number };

/**
 * Per-host concurrency, minimum delay between requests and a global concurrency limit, shared by every
 * process through Redis (one Lua script per step, so there is no race between check and take).
 * The delay is counted between the end of one request and the start of the next, so two requests to
 * a host never come closer than `minDelayMs`.
 */
export function createHostLimiter({
  redis,
  prefix,
  perHostConcurrency = 1,
  globalConcurrency = 0,
  minDelayMs = 1000,
  leaseTtlMs = 120_000,
}: HostLimiterOptions) {
  const keys = (host: string): [string, string, string] => [
    `${prefix}:host:${host}:leases`,
    `${prefix}:host:${host}:next`,
    `${prefix}:fetch:leases`,
  ];
  return {
    /** Try to take a lease for `host` now; never waits. `delayMs` overrides the minimum delay (Crawl-delay). */
    async tryAcquire(host: string, delayMs?: number): Promise<Acquired> {
      const lease = randomUUID();
      const delay = Math.max(minDelayMs, delayMs ?? 0);
      const [k1, k2, k3] = keys(host);
      const [ok, wait] = (await redis.eval(
        ACQUIRE,
        3,
        k1,
        k2,
        k3,
        lease,
        perHostConcurrency,
        delay,
        globalConcurrency,
        leaseTtlMs,
      )) as [number, number];
      if (ok !== 1) return { ok: false, waitMs: wait };
      let released = false;
      return {
        ok: true,
        release: async () => {
          if (released) return;
          released = true;
          await redis.eval(RELEASE, 3, k1, k2, k3, lease, delay);
        },
      };
    },
    /** Take a lease, waiting in place up to `maxWaitMs`; returns the wait still needed when it could not. */
    async acquire(host: string, delayMs: number | undefined, maxWaitMs: number): Promise<Acquired> {
      const until = Date.now() + maxWaitMs;
      for (;;) {
        const got = await this.tryAcquire(host, delayMs);
        if (got.ok || Date.now() + got.waitMs > until) return got;
        await new Promise((resolve) => setTimeout(resolve, got.waitMs + Math.floor(Math.random() * 20)));
      }
    },
  };
}
export type HostLimiter = ReturnType<typeof createHostLimiter>;
