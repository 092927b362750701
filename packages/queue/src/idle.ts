import { Queue } from 'bullmq';
import type { QueueContext } from './producer.js';
import { STAGE_QUEUES } from './queues.js';
import { queueOptions } from './queue-keys.js';

export interface QueueCounts {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

/** Job counts of the stage queues (plus any extra queue names), for progress lines and `waitForIdle`. */
export async function getQueueCounts(
  ctx: QueueContext,
  extra: readonly string[] = [],
): Promise<QueueCounts[]> {
  const names = [...STAGE_QUEUES.map((q) => q.name), ...extra];
  return Promise.all(
    names.map(async (name) => {
      const queue = new Queue(name, queueOptions(ctx, name));
      try {
        const c = await queue.getJobCounts(
          'waiting',
          'active',
          'delayed',
          'completed',
          'failed',
          'prioritized',
          'waiting-children',
        );
        return {
          queue: name,
          waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0),
          active: c.active ?? 0,
          delayed: c.delayed ?? 0,
          completed: c.completed ?? 0,
          failed: c.failed ?? 0,
        };
      } finally {
        await queue.close();
      }
    }),
  );
}

/**
 * Resolve once every stage queue has had nothing waiting, active or delayed for `settleMs` in a row.
 * `onProgress` sees the counts at every poll.
 */
export async function waitForIdle(
  ctx: QueueContext,
  {
    timeoutMs = 120_000,
    settleMs = 500,
    pollMs = 100,
    extra = [],
    onProgress,
  }: {
    timeoutMs?: number;
    settleMs?: number;
    pollMs?: number;
    extra?: readonly string[];
    onProgress?: (counts: QueueCounts[]) => void;
  } = {},
): Promise<QueueCounts[]> {
  const started = Date.now();
  let idleSince: number | null = null;
  for (;;) {
    const counts = await getQueueCounts(ctx, extra);
    onProgress?.(counts);
    const busy = counts.some((c) => c.waiting + c.active + c.delayed > 0);
    const now = Date.now();
    if (!busy) {
      idleSince ??= now;
      if (now - idleSince >= settleMs) return counts;
    } else {
      idleSince = null;
    }
    if (now - started > timeoutMs) {
      const pending = counts.filter((c) => c.waiting + c.active + c.delayed > 0).map((c) => c.queue);
      throw new Error(`pipeline not idle after ${timeoutMs} ms (busy: ${pending.join(', ')})`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
