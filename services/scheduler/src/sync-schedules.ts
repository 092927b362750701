import type { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '@wirehose/queue';
import type { Source } from '@wirehose/schemas';

export interface SyncResult {
  /** Sources that got a new schedule. */
  added: string[];
  /** Sources whose interval or settings changed (schedule replaced). */
  changed: string[];
  /** Sources already scheduled exactly so (left alone: their next run is kept). */
  unchanged: string[];
  /** Schedules removed (source gone from the file, or disabled). */
  removed: string[];
  /** `added` and `changed` together (kept for callers of the first version). */
  upserted: string[];
}

/** Retry options of a scheduled crawl: three attempts, exponential backoff with jitter. */
const CRAWL_JOB_OPTIONS = {
  ...DEFAULT_JOB_OPTIONS,
  attempts: 3,
  backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
} as const;

function fingerprint(every: number | undefined | null, source: unknown): string {
  return JSON.stringify([every ?? null, source]);
}

/**
 * Make the crawl queue's job schedulers match the sources: one repeatable job per enabled source, keyed
 * by the source name (so a reload never duplicates), replaced only when its interval or settings changed
 * (an unchanged source keeps its next run), and no scheduler for a source that left the file.
 */
export async function syncSchedules(queue: Queue, sources: readonly Source[]): Promise<SyncResult> {
  const wanted = new Map(sources.filter((s) => s.enabled).map((s) => [s.name, s]));
  const existing = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  const result: SyncResult = { added: [], changed: [], unchanged: [], removed: [], upserted: [] };
  for (const [name, source] of wanted) {
    const every = source.intervalSeconds * 1000;
    const current = existing.get(name);
    const currentSource = (current?.template?.data as { source?: unknown } | undefined)?.source;
    if (current && fingerprint(current.every, currentSource) === fingerprint(every, source)) {
      result.unchanged.push(name);
      continue;
    }
    await queue.upsertJobScheduler(
      name,
      { every },
      { name: 'crawl', data: { source }, opts: CRAWL_JOB_OPTIONS },
    );
    (current ? result.changed : result.added).push(name);
    result.upserted.push(name);
  }
  for (const name of existing.keys()) {
    if (!wanted.has(name)) {
      await queue.removeJobScheduler(name);
      result.removed.push(name);
    }
  }
  return result;
}
