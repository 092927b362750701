import type { Job } from 'bullmq';
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
import { createExtractProcessor, ExtractOutcomeSchema, type OutcomeNote } from './processor.js';
import { forService } from '@wirehose/logger';

/** The outcome note of an extract job, kept in its progress field. */
function jobNote(job: Job): OutcomeNote {
  return {
    read() {
      const parsed = ExtractOutcomeSchema.safeParse(job.progress);
      return parsed.success ? parsed.data : null;
    },
    write: (outcome) => job.updateProgress(outcome),
  };
}

/** The extractor consumes `extract` and produces `dedup`. */
export function startExtractor(
  deps: StageDeps,
  config: Pick<ExtractorConfig, 'EXTRACTOR_CONCURRENCY'>,
): RunningService {
  const log = forService(deps.log, 'extractor');
  const dedups = createProducer(dedupQueue, deps.queues);
  const process = createExtractProcessor({
    stores: createStores({ redis: deps.redis, prefix: deps.prefix, ...deps.retention }),
    dedups,
  });
  const worker = createStageWorker(extractQueue, (data, job, jobLog) => process(data, jobLog, jobNote(job)), {
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
