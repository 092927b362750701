import { z } from 'zod';

/** Settings `runService` reads for every service, beside the service's own schema. */
export const RuntimeEnvSchema = z.object({
  /**
   * Start on a Redis without the append-only file or with an evicting policy, with a loud warning,
   * instead of refusing. For throw-away Redis servers only: tests (their Redis runs `--appendonly no`
   * for speed, and its data is deleted after each test anyway) and local experiments.
   */
  REDIS_ALLOW_VOLATILE: z.stringbool().default(false),
  /** How long fetched HTML waits for the extractor (it is deleted as soon as it is extracted). */
  HTML_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 3600),
  /** How long articles, events and published records are kept (at least the dedup window). */
  DATA_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(14 * 24 * 3600),
});
export type RuntimeEnv = z.infer<typeof RuntimeEnvSchema>;
