import type { Redis } from 'ioredis';
import { sameSlotKey } from '@wirehose/queue';
import { RECORD_SCHEMA_URL, type StoryRecord } from '@wirehose/schemas';
import type { Sink, SinkOutcome } from './sink.js';

export interface RedisStreamSinkOptions {
  redis: Redis;
  stream: string;
  /** Approximate cap on the stream's length (XADD MAXLEN ~). */
  maxLen?: number;
  name?: string;
  /** How long the last version added per story is remembered (default 30 days). */
  versionTtlSeconds?: number;
}

/**
 * Appends each record version to a Redis Stream as fields `id`, `version`, `schema` (the JSON Schema URL)
 * and `record` (the JSON). A key per story beside the stream (`<stream>:versions:<id>`, expiring)
 * remembers the last version added, checked and updated atomically with the XADD, so a redelivered job
 * adds nothing. The stream is capped by length (MAXLEN ~).
 */
export function createRedisStreamSink({
  redis,
  stream,
  maxLen = 100_000,
  name = 'redis-stream',
  versionTtlSeconds = 30 * 24 * 3600,
}: RedisStreamSinkOptions): Sink {
  // Beside the stream in its hash slot: the script below touches both (Redis Cluster).
  const versionsKey = (id: string): string => sameSlotKey(stream, `versions:${id}`);
  const script = `
local prev = tonumber(redis.call('GET', KEYS[2]) or '0')
if prev >= tonumber(ARGV[2]) then return 0 end
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], '*', 'id', ARGV[1], 'version', ARGV[2], 'schema', ARGV[5], 'record', ARGV[3])
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[6])
return 1`;
  return {
    name,
    async write(record: StoryRecord): Promise<SinkOutcome> {
      const added = await redis.eval(
        script,
        2,
        stream,
        versionsKey(record.id),
        record.id,
        record.version,
        JSON.stringify(record),
        maxLen,
        RECORD_SCHEMA_URL,
        versionTtlSeconds,
      );
      return added === 1 ? 'written' : 'skipped';
    },
    async close() {},
  };
}
