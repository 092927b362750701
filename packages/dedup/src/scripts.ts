import { readFileSync } from 'node:fs';
import type { Redis, Result } from 'ioredis';

/**
 * Lua scripts of the dedup index kept as `.lua` files and registered on a connection with ioredis
 * `defineCommand` (EVALSHA, falling back to EVAL once per connection). Every key a script touches is
 * passed in KEYS.
 */
declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** See `lua/boilerplate.lua`. */
    dedupBoilerplate(
      key: string,
      mode: 'r' | 'w',
      storyTag: Buffer | '',
      ttlSeconds: number,
      cap: number,
      ...sentenceKeys: Buffer[]
    ): Result<number[] | number, Context>;
  }
}

const lua = (name: string): string => readFileSync(new URL(`./lua/${name}`, import.meta.url), 'utf8');
const BOILERPLATE = lua('boilerplate.lua');

const defined = new WeakSet<Redis>();

/** The connection with the dedup scripts defined on it (once per connection). */
export function withDedupScripts(redis: Redis): Redis {
  if (!defined.has(redis)) {
    redis.defineCommand('dedupBoilerplate', { numberOfKeys: 1, lua: BOILERPLATE });
    defined.add(redis);
  }
  return redis;
}
