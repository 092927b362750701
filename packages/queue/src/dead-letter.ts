import { Queue, type Job } from 'bullmq';
import { DeadLetterSchema, type DeadLetter } from '@wirehose/schemas';
import { deadLetterQueue } from './queues.js';
import { DEFAULT_JOB_OPTIONS, toJobId } from './job-options.js';
import type { QueueContext } from './producer.js';
import { queueOptions } from './queue-keys.js';

export interface DeadLetterEntry extends DeadLetter {
  /** Id of the entry in the dead-letter queue. */
  id: string;
}

export interface DeadLetters {
  /**
   * Keep a job that failed for good (as BullMQ's `failed` event hands it over: `attemptsMade` counts
   * the last attempt), with its error and original payload. Recording the same failure twice keeps one
   * entry.
   */
  record(queueName: string, job: Job, err: Error): Promise<void>;
  list(options?: { limit?: number; queue?: string }): Promise<DeadLetterEntry[]>;
  count(): Promise<number>;
  /** Put entries back on their original queues as new jobs; returns the new job ids. */
  retry(ids: readonly string[] | 'all'): Promise<{ id: string; queue: string; newJobId: string }[]>;
  close(): Promise<void>;
}

/** How long a dead letter is kept before it is dropped (30 days): the queue must not grow forever. */
export const DEAD_LETTER_MAX_AGE_SECONDS = 30 * 24 * 3600;

/**
 * The dead-letter queue. Nothing consumes it: entries wait there to be inspected and replayed
 * (`wirehose dlq list|retry`).
 */
export function createDeadLetters(
  ctx: QueueContext,
  { maxAgeSeconds = DEAD_LETTER_MAX_AGE_SECONDS }: { maxAgeSeconds?: number } = {},
): DeadLetters {
  const dlq = new Queue(deadLetterQueue.name, queueOptions(ctx, deadLetterQueue.name));
  const targets = new Map<string, Queue>();
  const target = (name: string): Queue => {
    let queue = targets.get(name);
    if (!queue) {
      queue = new Queue(name, {
        ...queueOptions(ctx, name),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      targets.set(name, queue);
    }
    return queue;
  };

  let lastTrim = 0;
  const toEntry = (job: Job): DeadLetterEntry => ({ id: job.id ?? '', ...DeadLetterSchema.parse(job.data) });

  return {
    async record(queueName, job, err) {
      const entry: DeadLetter = {
        queue: queueName,
        jobId: job.id ?? null,
        name: job.name,
        data: job.data,
        error: err.message,
        stack: err.stack ?? null,
        attemptsMade: Math.max(1, job.attemptsMade),
        failedAt: new Date(job.finishedOn ?? Date.now()).toISOString(),
      };
      // One entry per failure: the same job failing again after a retry from here is a new entry.
      const jobId = toJobId(`dl-${queueName}-${job.id ?? ''}-${job.timestamp}-${job.finishedOn ?? 0}`);
      await dlq.add('dead-letter', entry, { jobId, removeOnComplete: true, removeOnFail: true });
      // The queue is bounded by age: at most once an hour, drop entries older than maxAgeSeconds.
      const now = Date.now();
      if (now - lastTrim > 3600_000) {
        lastTrim = now;
        await dlq.clean(maxAgeSeconds * 1000, 10_000, 'wait');
      }
    },
    async list({ limit = 100, queue } = {}) {
      const jobs = await dlq.getJobs(['waiting', 'paused', 'prioritized'], 0, limit - 1, true);
      return jobs.map(toEntry).filter((e) => !queue || e.queue === queue);
    },
    count: () => dlq.count(),
    async retry(ids) {
      const jobs =
        ids === 'all'
          ? await dlq.getJobs(['waiting', 'paused', 'prioritized'])
          : (await Promise.all(ids.map((id) => dlq.getJob(id)))).filter((j): j is Job => j !== undefined);
      if (ids !== 'all' && jobs.length !== ids.length) {
        const found = new Set(jobs.map((j) => j.id));
        throw new Error(`no dead letter with id ${ids.filter((id) => !found.has(id)).join(', ')}`);
      }
      const retried: { id: string; queue: string; newJobId: string }[] = [];
      for (const job of jobs) {
        const entry = toEntry(job);
        const added = await target(entry.queue).add(entry.name, entry.data);
        await job.remove();
        retried.push({ id: entry.id, queue: entry.queue, newJobId: added.id ?? '' });
      }
      return retried;
    },
    async close() {
      await Promise.all([dlq.close(), ...[...targets.values()].map((q) => q.close())]);
    },
  };
}
