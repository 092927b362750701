import { Queue, type Job } from 'bullmq';
import { DeadLetterSchema, type DeadLetter } from '@wirehose/schemas';
import { deadLetterQueue } from './queues.js';
import { DEFAULT_JOB_OPTIONS } from './job-options.js';
import type { QueueContext } from './producer.js';
import { queueOptions } from './queue-keys.js';

export interface DeadLetterEntry extends DeadLetter {
  /** Id of the entry in the dead-letter queue. */
  id: string;
}

export interface DeadLetters {
  /** Keep a job that failed for good, with its error and original payload. */
  record(queueName: string, job: Job, err: Error): Promise<void>;
  list(options?: { limit?: number; queue?: string }): Promise<DeadLetterEntry[]>;
  count(): Promise<number>;
  /** Put entries back on their original queues as new jobs; returns the new job ids. */
  retry(ids: readonly string[] | 'all'): Promise<{ id: string; queue: string; newJobId: string }[]>;
  close(): Promise<void>;
}

/**
 * The dead-letter queue. Nothing consumes it: entries wait there to be inspected and replayed
 * (`wirehose dlq list|retry`).
 */
export function createDeadLetters(ctx: QueueContext): DeadLetters {
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
        attemptsMade: job.attemptsMade + 1,
        failedAt: new Date().toISOString(),
      };
      await dlq.add('dead-letter', entry, { removeOnComplete: true, removeOnFail: false });
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
