import { z } from 'zod';
import type { QueueDef } from '@wirehose/queue';

/**
 * A job on a sink's queue: write the stored record of `storyId` (at least `version`) to the sink. The
 * record travels by reference; the worker loads the newest stored version.
 */
export const SinkJobSchema = z.strictObject({
  storyId: z.string().min(1),
  version: z.number().int().positive(),
  reason: z.enum(['publish', 'replay']).default('publish'),
});
export type SinkJob = z.infer<typeof SinkJobSchema>;
export type SinkJobInput = z.input<typeof SinkJobSchema>;

/** Name of a sink's queue: `publish-<sink name>`. */
export function sinkQueueName(sink: string): string {
  return `publish-${sink}`;
}

/** The queue definition of one sink (each sink has its own queue, retries and dead letters). */
export function sinkQueue(sink: string): QueueDef<typeof SinkJobSchema> {
  return { name: sinkQueueName(sink), schema: SinkJobSchema };
}

/**
 * Job options of a sink's jobs from its `retry` settings: exponential backoff from `backoffMs`. Finished
 * jobs are kept briefly and in bounded number; a job that failed for good is in the dead-letter queue.
 */
export function sinkJobOptions(retry: { attempts: number; backoffMs: number }) {
  return {
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: { age: 3600, count: 1_000 },
    removeOnFail: { age: 24 * 3600, count: 1_000 },
  } as const;
}
