import { z } from 'zod';
import { BaseEnvSchema } from '@wirehose/config';

export const PublisherEnvSchema = BaseEnvSchema.extend({
  PUBLISHER_CONCURRENCY: z.coerce.number().int().positive().default(2),
  /** NDJSON file that records are appended to; empty disables the file sink. */
  NDJSON_PATH: z.string().default('out/records.ndjson'),
  /** Redis Stream that records are added to (under the deployment prefix unless it contains ':'). */
  RECORDS_STREAM: z.string().default('records'),
  RECORDS_STREAM_MAXLEN: z.coerce.number().int().positive().default(100_000),
});
export type PublisherConfig = z.infer<typeof PublisherEnvSchema>;
