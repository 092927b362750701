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

/** The dedup service consumes `dedup` and produces `extract-events` (new stories) and `publish` (new copies). */
export function startDedup(
  deps: StageDeps,
  config: Pick<DedupConfig, 'DEDUP_CONCURRENCY' | 'DEDUP_WINDOW_SECONDS'> &
    Partial<Pick<DedupConfig, 'DEDUP_BUCKETS'>>,
): RunningService {
  const log = deps.log.child({ service: 'dedup' });
  const stores = createStores({ redis: deps.redis, prefix: deps.prefix });
  const events = createProducer(eventsQueue, deps.queues);
  const publishes = createProducer(publishQueue, deps.queues);
  const index = createDedupIndex({
    redis: deps.redis,
    prefix: stores.keys.dedup(),
    windowSeconds: config.DEDUP_WINDOW_SECONDS,
    buckets: config.DEDUP_BUCKETS,
  });
  const process = createDedupProcessor({ stores, index, events, publishes });
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
