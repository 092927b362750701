import { z } from 'zod';
import { BaseEnvSchema } from '@wirehose/config';
import { DEFAULT_SINK_ENV } from '@wirehose/sinks';

export const PublisherEnvSchema = BaseEnvSchema.extend({
  PUBLISHER_CONCURRENCY: z.coerce.number().int().positive().default(2),
  /**
   * YAML file listing the sinks (see docs/publishing.md). Unset: the records stream, the NDJSON file
   * (unless NDJSON_PATH is empty) and, with PG_SINK=true, PostgreSQL.
   */
  SINKS_FILE: z.string().optional(),
  /**
   * Which sinks' workers this process runs: `all`, `none`, or a comma-separated list of sink names. The
   * publish worker (build, store, fan out) always runs; sink workers can live in other processes.
   */
  PUBLISHER_SINK_WORKERS: z.string().default('all'),
  /** NDJSON file that records are appended to; empty disables the file sink (without SINKS_FILE). */
  NDJSON_PATH: z.string().default(DEFAULT_SINK_ENV.NDJSON_PATH),
  /** Redis Stream that records are added to (under the deployment prefix unless it contains ':'). */
  RECORDS_STREAM: z.string().default(DEFAULT_SINK_ENV.RECORDS_STREAM),
  RECORDS_STREAM_MAXLEN: z.coerce.number().int().positive().default(DEFAULT_SINK_ENV.RECORDS_STREAM_MAXLEN),
  /** PostgreSQL for the search index (postgres sinks without a databaseUrl, migrate, search). */
  DATABASE_URL: z.string().default(DEFAULT_SINK_ENV.DATABASE_URL),
  /** PostgreSQL schema of the index tables. */
  PG_SCHEMA: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'a plain identifier')
    .default(DEFAULT_SINK_ENV.PG_SCHEMA),
  /** Without SINKS_FILE: also write to the PostgreSQL index. */
  PG_SINK: z.stringbool().default(DEFAULT_SINK_ENV.PG_SINK),
  /**
   * The dedup window, as the dedup service has it (same variable, same default): the index's time
   * partitions depend on it, so a publisher with another value finds no story.
   */
  DEDUP_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600),
});
export type PublisherConfig = z.infer<typeof PublisherEnvSchema>;
