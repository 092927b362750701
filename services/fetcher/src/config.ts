import { z } from 'zod';
import { BaseEnvSchema } from '@wirehose/config';

export const FetcherEnvSchema = BaseEnvSchema.extend({
  FETCHER_CONCURRENCY: z.coerce.number().int().positive().default(8),
  FETCH_USER_AGENT: z.string().default('wirehose/0.1 (+https://github.com/wirehose/wirehose)'),
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /** How long a fetched URL stays "seen" so discovery does not fetch it again. */
  SEEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600),
});
export type FetcherConfig = z.infer<typeof FetcherEnvSchema>;
