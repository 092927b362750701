import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { crawlQueue, createProducer, type RunningService, type StageDeps } from '@wirehose/queue';
import { parseSourcesFile } from '@wirehose/sources';
import type { SchedulerConfig } from './config.js';
import { publishSourceSet } from './source-set.js';
import { syncSchedules } from './sync-schedules.js';
import { forService } from '@wirehose/logger';

export interface RunningScheduler extends RunningService {
  /** Re-read the sources file now; bring the schedules and the published source names in line with it. */
  reload(): Promise<void>;
}

/**
 * The scheduler keeps one BullMQ job scheduler per source of the sources file, re-reading it as it
 * changes, and publishes the file's source names for the fetcher (see source-set.ts).
 */
export async function startScheduler(
  deps: StageDeps,
  config: Pick<SchedulerConfig, 'SOURCES_FILE' | 'SOURCES_RELOAD_SECONDS'>,
): Promise<RunningScheduler> {
  const log = forService(deps.log, 'scheduler').child({ file: config.SOURCES_FILE });
  const crawls = createProducer(crawlQueue, deps.queues);
  let lastHash: string | null = null;

  // The schedules are synced on every reload, not only when the file changed: the sync is cheap (one
  // read of the queue's schedulers when nothing differs) and it puts back a schedule that went missing
  // behind the file's back (a fetcher that dropped it for a source just re-added, a flushed Redis).
  async function reload(): Promise<void> {
    const text = await readFile(config.SOURCES_FILE, 'utf8');
    const hash = createHash('sha256').update(text).digest('hex');
    const { sources } = parseSourcesFile(text, config.SOURCES_FILE);
    const result = await syncSchedules(crawls.queue, sources);
    await publishSourceSet(deps.redis, deps.prefix, config.SOURCES_FILE, sources);
    const changed = result.added.length + result.changed.length + result.removed.length > 0;
    if (hash !== lastHash || changed) log.info(result, 'schedules synced');
    else log.debug(result, 'schedules already in line with the file');
    lastHash = hash;
  }

  await reload();
  const timer =
    config.SOURCES_RELOAD_SECONDS > 0
      ? setInterval(() => {
          reload().catch((err: unknown) =>
            log.error({ err }, 'sources reload failed; keeping previous schedules'),
          );
        }, config.SOURCES_RELOAD_SECONDS * 1000)
      : null;
  return {
    name: 'scheduler',
    reload,
    async close() {
      if (timer) clearInterval(timer);
      await crawls.close();
    },
  };
}
