import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Take a lease on one host, atomically. KEYS: the host's leases (zset lease -> expiry ms), the host's
 * next-start time; both carry the host as hash tag, so on a Redis Cluster they share a slot.
 * ARGV: lease id, host max, min delay ms, lease ttl ms. Uses the Redis clock so processes on different
 * machines agree. Returns {1, 0} when a lease was taken, else {0, ms to wait}.
 */
const ACQUIRE_HOST = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease, hostMax, minDelay, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
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
if minDelay > 0 then
  redis.call('SET', KEYS[2], now + minDelay, 'PX', minDelay + 1000)
end
return {1, 0}
`;

/** Release a host lease; the next start is still no sooner than `minDelay` after the release. */
const RELEASE_HOST = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[1], ARGV[1])
local minDelay = tonumber(ARGV[2])
if minDelay > 0 then
  local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
  if nextAt < now + minDelay then
    redis.call('SET', KEYS[2], now + minDelay, 'PX', minDelay + 1000)
  end
end
return 1
`;

/**
 * Take one of the global leases (KEYS[1]: zset lease -> expiry ms). ARGV: lease id, global max, lease
 * ttl ms. Returns {1, 0} or {0, ms to wait}.
 */
const ACQUIRE_GLOBAL = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease, globalMax, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= globalMax then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, math.max(50, math.min(1000, tonumber(first[2]) - now))}
end
redis.call('ZADD', KEYS[1], now + ttl, lease)
redis.call('PEXPIRE', KEYS[1], ttl + 1000)
return {1, 0}
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
  // Each host's keys carry the host as hash tag (one slot per host on a Redis Cluster); the global
  // leases have their own tag, so taking both is two steps: global first, then the host, giving the
  // global lease back when the host refuses. In flight never exceeds the global limit; a refused host
  // holds a global lease only for that round trip.
  const hostKeys = (host: string): [string, string] => [
    `${prefix}:{host:${host}}:leases`,
    `${prefix}:{host:${host}}:next`,
  ];
  const globalKey = `${prefix}:{fetch-leases}`;
  const releaseGlobal = async (lease: string): Promise<void> => {
    if (globalConcurrency > 0) await redis.zrem(globalKey, lease);
  };
  return {
    /** Try to take a lease for `host` now; never waits. `delayMs` overrides the minimum delay (Crawl-delay). */
    async tryAcquire(host: string, delayMs?: number): Promise<Acquired> {
      const lease = randomUUID();
      const delay = Math.max(minDelayMs, delayMs ?? 0);
      if (globalConcurrency > 0) {
        const [ok, wait] = (await redis.eval(
          ACQUIRE_GLOBAL,
          1,
          globalKey,
          lease,
          globalConcurrency,
          leaseTtlMs,
        )) as [number, number];
        if (ok !== 1) return { ok: false, waitMs: wait };
      }
      const [k1, k2] = hostKeys(host);
      let reply: [number, number];
      try {
        reply = (await redis.eval(ACQUIRE_HOST, 2, k1, k2, lease, perHostConcurrency, delay, leaseTtlMs)) as [
          number,
          number,
        ];
      } catch (err) {
        await releaseGlobal(lease);
        throw err;
      }
      const [ok, wait] = reply;
      if (ok !== 1) {
        await releaseGlobal(lease);
        return { ok: false, waitMs: wait };
      }
      let released = false;
      return {
        ok: true,
        release: async () => {
          if (released) return;
          released = true;
          await redis.eval(RELEASE_HOST, 2, k1, k2, lease, delay);
          await releaseGlobal(lease);
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
