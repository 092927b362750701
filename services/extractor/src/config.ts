import { z } from 'zod';
import { BaseEnvSchema } from '@wirehose/config';

export const ExtractorEnvSchema = BaseEnvSchema.extend({
  EXTRACTOR_CONCURRENCY: z.coerce.number().int().positive().default(2),
});
export type ExtractorConfig = z.infer<typeof ExtractorEnvSchema>;
