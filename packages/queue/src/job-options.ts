import type { JobsOptions } from 'bullmq';

/**
 * Defaults for every stage job: five attempts with exponential backoff (1 s, 2 s, 4 s, 8 s), finished jobs
 * trimmed so Redis does not grow without bound. Failed jobs stay a week; their payloads also go to the
 * dead-letter queue after the last attempt.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const satisfies JobsOptions;

/**
 * A job id that BullMQ accepts from a business key: no `:` and never all digits.
 */
export function toJobId(key: string): string {
  return `k-${key.replaceAll(':', '_')}`;
}
