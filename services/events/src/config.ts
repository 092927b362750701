import { z } from 'zod';
import { BaseEnvSchema } from '@wirehose/config';

export const EventsEnvSchema = BaseEnvSchema.extend({
  EVENTS_CONCURRENCY: z.coerce.number().int().positive().default(2),
  /** A folder of lexicon files to use instead of the bundled ones. */
  EVENTS_LEXICON_DIR: z.string().optional(),
});
export type EventsConfig = z.infer<typeof EventsEnvSchema>;
