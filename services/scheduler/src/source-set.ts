import type { Redis } from 'ioredis';
import { SOURCE_SET_KEY } from '@wirehose/queue';
import type { PublishedSourceSet, Source } from '@wirehose/schemas';

/**
 * Publish the names of `sources` as the current configuration (under SOURCE_SET_KEY). The fetcher reads
 * them so that a crawl job queued before its source left the file (a run already waiting, a retry, a
 * sitemap page, a `wirehose crawl`) is completed without polling. Called only after the schedules have
 * been synced, so a name missing from the published set has no schedule left either.
 */
export async function publishSourceSet(
  redis: Redis,
  prefix: string,
  file: string,
  sources: readonly Source[],
): Promise<PublishedSourceSet> {
  const set: PublishedSourceSet = {
    file,
    names: sources.map((s) => s.name).sort(),
    syncedAt: new Date().toISOString(),
  };
  await redis.set(`${prefix}:${SOURCE_SET_KEY}`, JSON.stringify(set));
  return set;
}
