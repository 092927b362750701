import { z } from 'zod';
import { BaseEnvSchema } from '@wirehose/config';

export const DedupEnvSchema = BaseEnvSchema.extend({
  DEDUP_CONCURRENCY: z.coerce.number().int().positive().default(4),
  /** How far back a copy is matched to a story; older index entries expire. */
  DEDUP_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600),
  /**
   * Hash buckets per index family and time partition; about 3 × articles per partition / 100 keeps
   * every bucket in Redis's compact encoding. A new value applies from the next partition on.
   */
  DEDUP_BUCKETS: z.coerce.number().int().min(1).max(65536).default(4096),
  /**
   * Fault-injection for tests only: after each index write, log "paused after the index write" and
   * hold the job forever, so a test can kill the process exactly between the write and the enqueue.
   */
  DEDUP_PAUSE_AFTER_ASSIGN: z.stringbool().default(false),
});
export type DedupConfig = z.infer<typeof DedupEnvSchema>;
