import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { FetchError, HostBusyError } from '@wirehose/http-fetch';

/** True when a failure of this attempt would be the job's last. */
export function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryControl {
  redis: Redis;
  prefix: string;
  /** Longest Retry-After honoured. */
  maxRetryAfterMs: number;
  /** Retry-After deferrals allowed per job before the error counts as a normal failed attempt. */
  maxDeferrals?: number;
}

/**
 * Run `attempt` under the crawler's retry rules:
 * - a busy host (HostBusyError) moves the job to delayed for the wait the limiter asked (no attempt is
 *   spent, no worker slot is held); on the last attempt it waits in place instead, because the stage
 *   worker would otherwise treat the delay as a final failure;
 * - 429/503 with Retry-After moves the job to delayed for that long (capped), a few times per job;
 * - permanent failures (4xx other than 408/429, robots disallow, SSRF refusal, oversized bodies, a
 *   body that does not decompress as its Content-Encoding says) become UnrecoverableError with the
 *   reason;
 * - anything else is rethrown and retried by BullMQ's exponential backoff with jitter.
 */
export async function runWithRetryRules<T>(
  job: Job,
  control: RetryControl,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let waits = 0; ; waits += 1) {
    try {
      return await attempt();
    } catch (err) {
      const jitter = Math.floor(Math.random() * 250);
      if (err instanceof HostBusyError) {
        if (isLastAttempt(job) && waits < 60) {
          await sleep(err.waitMs + jitter);
          continue;
        }
        await job.moveToDelayed(Date.now() + err.waitMs + jitter, job.token);
        throw new DelayedError(err.message);
      }
      // A body that does not decompress as labelled will not decompress on the next try either.
      if (err instanceof FetchError && (err.permanent || err.kind === 'decode')) {
        throw new UnrecoverableError(`${err.kind}: ${err.message}`);
      }
      if (err instanceof FetchError && err.retryAfterMs !== null && !isLastAttempt(job) && job.id) {
        const key = `${control.prefix}:retry-after:${job.id}`;
        const count = await control.redis.incr(key);
        await control.redis.expire(key, 24 * 3600);
        if (count <= (control.maxDeferrals ?? 5)) {
          const delay = Math.min(err.retryAfterMs, control.maxRetryAfterMs) + jitter;
          await job.moveToDelayed(Date.now() + delay, job.token);
          throw new DelayedError(`${err.message}; Retry-After ${err.retryAfterMs} ms`);
        }
      }
      throw err;
    }
  }
}

/** Retry options for fetch and crawl jobs: exponential backoff (1 s, 2 s, 4 s, ...) with jitter. */
export const BACKOFF_WITH_JITTER = { type: 'exponential', delay: 1_000, jitter: 0.5 } as const;
