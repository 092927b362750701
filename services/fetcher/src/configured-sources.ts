import type { Redis } from 'ioredis';
import { SOURCE_SET_KEY } from '@wirehose/queue';
import { PublishedSourceSetSchema } from '@wirehose/schemas';

/**
 * Whether a crawl job's source is still configured, and removal of a source's schedule.
 *
 * Why the fetcher asks Redis rather than reading the sources file: the file belongs to the scheduler
 * (fetchers may run where it is not, and would each need to watch it), while the scheduler already
 * re-reads it and syncs the schedules. After each sync it publishes the file's names, and the crawl
 * processor reads them for every job (one GET), so it knows a removal as soon as the scheduler does,
 * in every fetcher process at once. When no scheduler has ever published a set under the prefix (the
 * demo, a fetcher fed only by `wirehose crawl`), there is nothing to compare with and every job runs.
 */
export interface SourceCheck {
  /** True when `name` is in the published source set, or when none has been published. */
  isConfigured(name: string): Promise<boolean>;
  /** Remove the crawl queue's job scheduler named `name`; true when there was one. */
  removeSchedule(name: string): Promise<boolean>;
}

/** Names in the published set, or null when the scheduler has published none. */
export async function readSourceSet(redis: Redis, prefix: string): Promise<Set<string> | null> {
  const key = `${prefix}:${SOURCE_SET_KEY}`;
  const raw = await redis.get(key);
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  const set = PublishedSourceSetSchema.pick({ names: true }).safeParse(value);
  if (!set.success)
    throw new Error(`${key} does not hold the scheduler's source set (no "names" list of strings)`);
  return new Set(set.data.names);
}

/** A SourceCheck on the published set; schedules are removed with `removeJobScheduler` on `crawlQueue`. */
export function createSourceCheck(
  redis: Redis,
  prefix: string,
  crawlQueue: { removeJobScheduler(id: string): Promise<boolean> },
): SourceCheck {
  return {
    async isConfigured(name) {
      const names = await readSourceSet(redis, prefix);
      return names === null || names.has(name);
    },
    removeSchedule: (name) => crawlQueue.removeJobScheduler(name),
  };
}
