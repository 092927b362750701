import { z } from 'zod';
import { BaseEnvSchema } from '@wirehose/config';

export const SchedulerEnvSchema = BaseEnvSchema.extend({
  /** The sources file (YAML or JSON). */
  SOURCES_FILE: z.string().default('sources.yaml'),
  /** How often the file is re-read; a changed file adds, changes and removes schedules. 0 disables. */
  SOURCES_RELOAD_SECONDS: z.coerce.number().int().nonnegative().default(30),
});
export type SchedulerConfig = z.infer<typeof SchedulerEnvSchema>;
