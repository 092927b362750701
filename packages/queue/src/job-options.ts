import type { JobsOptions } from 'bullmq';

/**
 * Defaults for every stage job: five attempts with exponential backoff (1 s, 2 s, 4 s, 8 s). Finished
 * jobs are kept an hour, at most 1,000 per queue, so Redis does not grow with the traffic; failed jobs a
 * day, at most 1,000: their payloads are in the dead-letter queue, which is what keeps failures.
 * A deterministic job id dedups only while its job is kept; stages are idempotent beyond that.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3600, count: 1_000 },
  removeOnFail: { age: 24 * 3600, count: 1_000 },
} as const satisfies JobsOptions;

/**
 * A job id that BullMQ accepts from a business key: no `:` and never all digits.
 */
export function toJobId(key: string): string {
  return `k-${key.replaceAll(':', '_')}`;
}
