import type { Redis } from 'ioredis';
import { hashId } from '@wirehose/store';

/**
 * For each key: a URL never seen is claimed (stored with its version); a URL seen at an older version
 * is claimed again when the item now carries a later version (ISO timestamps compare as strings);
 * otherwise it is not claimed. Every key's expiry is refreshed, so an item still listed stays seen.
 * Returns 1 (claimed) or 0 per key.
 */
const CLAIM = `
local ttl = tonumber(ARGV[1])
local out = {}
for i, key in ipairs(KEYS) do
  local version = ARGV[i + 1]
  local prev = redis.call('GET', key)
  if not prev or (version ~= '' and (prev == '' or version > prev)) then
    redis.call('SET', key, version, 'EX', ttl)
    out[i] = 1
  else
    redis.call('EXPIRE', key, ttl)
    out[i] = 0
  end
end
return out
`;

export interface SeenEntry {
  /** Canonical URL. */
  url: string;
  /** Latest update time the feed gives (ISO), or '' when it gives none. */
  version: string;
}

/** The discovery seen-set: canonical URL -> version, in Redis with an expiry. */
export function createSeenSet(redis: Redis, prefix: string, ttlSeconds: number) {
  const keyOf = (url: string): string => `${prefix}:seen:${hashId(url)}`;
  return {
    keyOf,
    /**
     * Claim entries, each atomically (see CLAIM); true = new or updated, fetch it. One script per key,
     * sent together: on a Redis Cluster the keys sit in many slots, and no claim depends on another.
     */
    async claim(entries: readonly SeenEntry[]): Promise<boolean[]> {
      const flags = await Promise.all(
        entries.map((e) => redis.eval(CLAIM, 1, keyOf(e.url), ttlSeconds, e.version) as Promise<number[]>),
      );
      return flags.map(([f]) => f === 1);
    },
    /** Mark a URL seen at a version (the identity a fetched page declares, for example). */
    async mark(url: string, version: string): Promise<void> {
      await redis.eval(CLAIM, 1, keyOf(url), ttlSeconds, version);
    },
  };
}
export type SeenSet = ReturnType<typeof createSeenSet>;
