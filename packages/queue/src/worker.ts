import {
  DelayedError,
  RateLimitError,
  UnrecoverableError,
  WaitingChildrenError,
  Worker,
  type Job,
} from 'bullmq';
import type { z } from 'zod';
import type { Logger } from '@wirehose/logger';
import type { QueueDef } from './queues.js';
import type { QueueContext } from './producer.js';
import type { DeadLetters } from './dead-letter.js';
import { stageLock, type StageLock } from './stage-lock.js';
import { queueOptions } from './queue-keys.js';

export type StageProcessor<S extends z.ZodType, R> = (data: z.infer<S>, job: Job, log: Logger) => Promise<R>;

/**
 * Observes a stage worker's jobs, e.g. Prometheus counters and latency histograms (`@wirehose/metrics`).
 * Called after each attempt; must not throw.
 */
export interface WorkerMetricsHook {
  completed(queue: string, durationMs: number, result: unknown): void;
  /** `final`: no retry follows (the job went to the dead-letter queue); otherwise it will be retried. */
  failed(queue: string, durationMs: number, err: Error, final: boolean): void;
}

export interface StageWorkerOptions extends QueueContext {
  log: Logger;
  deadLetters: DeadLetters;
  concurrency?: number;
  /** Start paused (tests); call `worker.run()` later. */
  autorun?: boolean;
  /** Optional observer of completed, retried and failed jobs. */
  metrics?: WorkerMetricsHook;
  /** Lock and stalled-check timing of this stage, over the defaults (see `StageLock`). */
  lock?: Partial<StageLock>;
}

/** True when this attempt is the job's last: no retry will follow a failure. */
function isFinalAttempt(job: Job, err: unknown): boolean {
  if (err instanceof UnrecoverableError) return true;
  const attempts = job.opts.attempts ?? 1;
  return job.attemptsMade + 1 >= attempts;
}

/** Errors a processor throws to put its job back (politeness, rate limits): not failures. */
function isPostponement(err: unknown): boolean {
  return err instanceof DelayedError || err instanceof WaitingChildrenError || err instanceof RateLimitError;
}

/**
 * A worker for one stage: parses the payload with the queue's schema (a bad payload fails for good),
 * runs the processor with a child logger, and sends every job that fails for good to the dead-letter
 * queue with its error and original payload.
 *
 * Dead letters are written from the worker's `failed` event, after BullMQ has settled the job, not from
 * the processor's throw: a job that stalled too often (its workers died while holding it) is failed by
 * the next worker that picks it up without the processor ever running, and must reach the dead-letter
 * queue too. A job failed for good has `finishedOn` set; one that will be retried does not.
 *
 * A dead worker's jobs restart after at most `lockDurationMs + stalledIntervalMs` (the lock expires, then
 * the next stalled check moves them back to wait); a live worker renews its locks every half lock
 * duration, so long jobs are not taken for stalled.
 */
export function createStageWorker<S extends z.ZodType, R>(
  def: QueueDef<S>,
  processor: StageProcessor<S, R>,
  options: StageWorkerOptions,
): Worker {
  const { log, deadLetters, metrics } = options;
  const lock = stageLock(options.lock);
  const worker = new Worker(
    def.name,
    async (job: Job) => {
      const jobLog = log.child({ queue: def.name, jobId: job.id, attempt: job.attemptsMade + 1 });
      const started = performance.now();
      try {
        const parsed = def.schema.safeParse(job.data);
        if (!parsed.success) {
          throw new UnrecoverableError(
            `invalid ${def.name} payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          );
        }
        const result = await processor(parsed.data, job, jobLog);
        metrics?.completed(def.name, performance.now() - started, result);
        return result;
      } catch (err) {
        if (isPostponement(err)) {
          jobLog.debug({ reason: (err as Error).message }, 'job postponed');
          throw err;
        }
        const error = err instanceof Error ? err : new Error(String(err));
        const final = isFinalAttempt(job, err);
        metrics?.failed(def.name, performance.now() - started, error, final);
        if (final) jobLog.error({ err: error }, 'job failed for good');
        else jobLog.warn({ err: error }, 'job failed, will retry');
        throw err;
      }
    },
    {
      ...queueOptions(options, def.name),
      concurrency: options.concurrency ?? 1,
      autorun: options.autorun ?? true,
      lockDuration: lock.lockDurationMs,
      stalledInterval: lock.stalledIntervalMs,
      maxStalledCount: lock.maxStalledCount,
    },
  );
  worker.on('error', (err) => log.error({ err, queue: def.name }, 'worker error'));
  worker.on('stalled', (jobId) =>
    log.warn({ queue: def.name, jobId }, 'job stalled (its worker stopped renewing the lock); restarted'),
  );
  worker.on('failed', (job, err) => {
    if (!job || !job.finishedOn || isPostponement(err)) return;
    deadLetters.record(def.name, job, err).then(
      () => log.warn({ queue: def.name, jobId: job.id, err }, 'job sent to the dead-letter queue'),
      (recordErr: unknown) =>
        log.error(
          { queue: def.name, jobId: job.id, err: recordErr, jobError: err.message },
          'could not write the dead letter of a failed job',
        ),
    );
  });
  return worker;
}
