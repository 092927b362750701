import {
  createProducer,
  createStageWorker,
  dedupQueue,
  extractQueue,
  type RunningService,
  type StageDeps,
} from '@wirehose/queue';
import { createStores } from '@wirehose/store';
import type { ExtractorConfig } from './config.js';
import { createExtractProcessor } from './processor.js';

/** The extractor consumes `extract` and produces `dedup`. */
export function startExtractor(
  deps: StageDeps,
  config: Pick<ExtractorConfig, 'EXTRACTOR_CONCURRENCY'>,
): RunningService {
  const log = deps.log.child({ service: 'extractor' });
  const dedups = createProducer(dedupQueue, deps.queues);
  const process = createExtractProcessor({
    stores: createStores({ redis: deps.redis, prefix: deps.prefix }),
    dedups,
  });
  const worker = createStageWorker(extractQueue, (data, _job, jobLog) => process(data, jobLog), {
    ...deps.queues,
    log,
    deadLetters: deps.deadLetters,
    concurrency: config.EXTRACTOR_CONCURRENCY,
  });
  return {
    name: 'extractor',
    async close() {
      await worker.close();
      await dedups.close();
    },
  };
}
