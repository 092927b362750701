import type { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '@wirehose/queue';
import type { Source } from '@wirehose/schemas';

export interface SyncResult {
  upserted: string[];
  removed: string[];
}

/**
 * Make the crawl queue's job schedulers match the sources: one repeatable job per enabled source, keyed by
 * the source name (so a reload never duplicates), and no scheduler for a source that left the file.
 */
export async function syncSchedules(queue: Queue, sources: readonly Source[]): Promise<SyncResult> {
  const wanted = sources.filter((s) => s.enabled);
  const names = new Set(wanted.map((s) => s.name));
  for (const source of wanted) {
    await queue.upsertJobScheduler(
      source.name,
      { every: source.intervalSeconds * 1000 },
      { name: 'crawl', data: { source }, opts: { ...DEFAULT_JOB_OPTIONS, attempts: 3 } },
    );
  }
  const removed: string[] = [];
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    const id = scheduler.key;
    if (!names.has(id)) {
      await queue.removeJobScheduler(id);
      removed.push(id);
    }
  }
  return { upserted: wanted.map((s) => s.name), removed };
}
