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
});
export type DedupConfig = z.infer<typeof DedupEnvSchema>;
