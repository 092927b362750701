import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { hashId } from '@wirehose/store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

const EntrySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending'), bodyHash: z.string() }),
  z.object({
    state: z.literal('done'),
    bodyHash: z.string(),
    statusCode: z.number().int(),
    body: z.unknown(),
  }),
]);

export type IdempotencyClaim =
  | { kind: 'claimed'; complete(statusCode: number, body: unknown): Promise<void>; release(): Promise<void> }
  | { kind: 'replay'; statusCode: number; body: unknown }
  | { kind: 'in-progress' }
  | { kind: 'mismatch' };

/**
 * Answers kept per client and `Idempotency-Key`, in Redis under the deployment prefix with a TTL. The first
 * request claims the key atomically (SET NX) and stores its answer when done; a repeat gets that answer
 * back (or "in progress" while the first is still being handled), and a repeat with another body is
 * refused.
 */
export function createIdempotencyStore({
  redis,
  prefix,
  ttlSeconds,
}: {
  redis: Redis;
  prefix: string;
  ttlSeconds: number;
}) {
  return {
    async claim(client: string, key: string, rawBody: Buffer): Promise<IdempotencyClaim> {
      const redisKey = `${prefix}:api:idem:${hashId(client, 16)}:${hashId(key, 32)}`;
      const bodyHash = createHash('sha256').update(rawBody).digest('hex');
      const pending = JSON.stringify({ state: 'pending', bodyHash });
      const claimed = await redis.set(redisKey, pending, 'EX', ttlSeconds, 'NX');
      if (claimed !== null) {
        return {
          kind: 'claimed',
          async complete(statusCode, body) {
            await redis.set(
              redisKey,
              JSON.stringify({ state: 'done', bodyHash, statusCode, body }),
              'EX',
              ttlSeconds,
            );
          },
          async release() {
            await redis.del(redisKey);
          },
        };
      }
      const raw = await redis.get(redisKey);
      // Expired between the two calls: treat as in progress; the client retries.
      if (raw === null) return { kind: 'in-progress' };
      const entry = EntrySchema.parse(JSON.parse(raw));
      if (entry.bodyHash !== bodyHash) return { kind: 'mismatch' };
      if (entry.state === 'pending') return { kind: 'in-progress' };
      return { kind: 'replay', statusCode: entry.statusCode, body: entry.body };
    },
  };
}
export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
