import type { QueueCounts } from '@wirehose/queue';

/** One progress line from queue counts: done/total per stage. */
export function formatProgress(counts: readonly QueueCounts[]): string {
  return counts
    .map((c) => {
      const total = c.completed + c.failed + c.waiting + c.active + c.delayed;
      return `${c.queue} ${c.completed}/${total}${c.failed ? ` (${c.failed} failed)` : ''}`;
    })
    .join('  ');
}
