import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { crawlQueue, createProducer, type RunningService, type StageDeps } from '@wirehose/queue';
import { parseSourcesFile } from '@wirehose/sources';
import type { SchedulerConfig } from './config.js';
import { syncSchedules } from './sync-schedules.js';

export interface RunningScheduler extends RunningService {
  /** Re-read the sources file now and apply it if it changed. */
  reload(): Promise<void>;
}

/** The scheduler keeps one BullMQ job scheduler per source of the sources file, re-reading it as it changes. */
export async function startScheduler(
  deps: StageDeps,
  config: Pick<SchedulerConfig, 'SOURCES_FILE' | 'SOURCES_RELOAD_SECONDS'>,
): Promise<RunningScheduler> {
  const log = deps.log.child({ service: 'scheduler', file: config.SOURCES_FILE });
  const crawls = createProducer(crawlQueue, deps.queues);
  let lastHash: string | null = null;

  async function reload(): Promise<void> {
    const text = await readFile(config.SOURCES_FILE, 'utf8');
    const hash = createHash('sha256').update(text).digest('hex');
    if (hash === lastHash) return;
    const { sources } = parseSourcesFile(text, config.SOURCES_FILE);
    const result = await syncSchedules(crawls.queue, sources);
    lastHash = hash;
    log.info(result, 'schedules synced');
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
