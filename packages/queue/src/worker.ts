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
}

/** True when this attempt is the job's last: no retry will follow a failure. */
function isFinalAttempt(job: Job, err: unknown): boolean {
  if (err instanceof UnrecoverableError) return true;
  const attempts = job.opts.attempts ?? 1;
  return job.attemptsMade + 1 >= attempts;
}

/**
 * A worker for one stage: parses the payload with the queue's schema (a bad payload fails for good),
 * runs the processor with a child logger, and sends a job that fails its last attempt to the dead-letter
 * queue with its error and original payload.
 */
export function createStageWorker<S extends z.ZodType, R>(
  def: QueueDef<S>,
  processor: StageProcessor<S, R>,
  options: StageWorkerOptions,
): Worker {
  const { log, deadLetters, metrics } = options;
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
        // A job the processor moved back to delayed or waiting (politeness, rate limits) has not failed.
        if (
          err instanceof DelayedError ||
          err instanceof WaitingChildrenError ||
          err instanceof RateLimitError
        ) {
          jobLog.debug({ reason: err.message }, 'job postponed');
          throw err;
        }
        const error = err instanceof Error ? err : new Error(String(err));
        const final = isFinalAttempt(job, err);
        metrics?.failed(def.name, performance.now() - started, error, final);
        if (final) {
          jobLog.error({ err: error }, 'job failed for good, sent to dead-letter queue');
          await deadLetters.record(def.name, job, error);
        } else {
          jobLog.warn({ err: error }, 'job failed, will retry');
        }
        throw err;
      }
    },
    {
      ...queueOptions(options, def.name),
      concurrency: options.concurrency ?? 1,
      autorun: options.autorun ?? true,
    },
  );
  worker.on('error', (err) => log.error({ err, queue: def.name }, 'worker error'));
  return worker;
}
