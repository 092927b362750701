import { createDedupIndex } from '@wirehose/dedup';
import {
  createProducer,
  createStageWorker,
  dedupQueue,
  eventsQueue,
  publishQueue,
  type RunningService,
  type StageDeps,
} from '@wirehose/queue';
import { createStores } from '@wirehose/store';
import type { DedupConfig } from './config.js';
import { createDedupProcessor } from './processor.js';
import { forService } from '@wirehose/logger';

/** The dedup service consumes `dedup` and produces `extract-events` (new stories) and `publish` (new copies). */
export function startDedup(
  deps: StageDeps,
  config: Pick<DedupConfig, 'DEDUP_CONCURRENCY' | 'DEDUP_WINDOW_SECONDS'> &
    Partial<Pick<DedupConfig, 'DEDUP_BUCKETS' | 'DEDUP_PAUSE_AFTER_ASSIGN'>>,
): RunningService {
  const log = forService(deps.log, 'dedup');
  const stores = createStores({ redis: deps.redis, prefix: deps.prefix, ...deps.retention });
  const events = createProducer(eventsQueue, deps.queues);
  const publishes = createProducer(publishQueue, deps.queues);
  const index = createDedupIndex({
    redis: deps.redis,
    prefix: stores.keys.dedup(),
    windowSeconds: config.DEDUP_WINDOW_SECONDS,
    buckets: config.DEDUP_BUCKETS,
  });
  const pause = async (articleId: string): Promise<void> => {
    log.warn({ articleId }, 'paused after the index write (DEDUP_PAUSE_AFTER_ASSIGN)');
    await new Promise<never>(() => undefined);
  };
  const process = createDedupProcessor({
    stores,
    index,
    events,
    publishes,
    ...(config.DEDUP_PAUSE_AFTER_ASSIGN ? { afterAssign: pause } : {}),
  });
  const worker = createStageWorker(dedupQueue, (data, _job, jobLog) => process(data, jobLog), {
    ...deps.queues,
    log,
    deadLetters: deps.deadLetters,
    concurrency: config.DEDUP_CONCURRENCY,
  });
  return {
    name: 'dedup',
    async close() {
      await worker.close();
      await Promise.all([events.close(), publishes.close()]);
    },
  };
}
