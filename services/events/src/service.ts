import { createEventCoder } from '@wirehose/events';
import {
  createProducer,
  createStageWorker,
  eventsQueue,
  publishQueue,
  type RunningService,
  type StageDeps,
} from '@wirehose/queue';
import { createStores } from '@wirehose/store';
import type { EventsConfig } from './config.js';
import { createEventsProcessor } from './processor.js';
import { forService } from '@wirehose/logger';

/** The events service consumes `extract-events` and produces `publish`. */
export function startEvents(
  deps: StageDeps,
  config: Pick<EventsConfig, 'EVENTS_CONCURRENCY' | 'EVENTS_LEXICON_DIR'>,
): RunningService {
  const log = forService(deps.log, 'events');
  const publishes = createProducer(publishQueue, deps.queues);
  const coder = createEventCoder(config.EVENTS_LEXICON_DIR ? { lexiconDir: config.EVENTS_LEXICON_DIR } : {});
  const process = createEventsProcessor({
    stores: createStores({ redis: deps.redis, prefix: deps.prefix, ...deps.retention }),
    coder,
    publishes,
  });
  const worker = createStageWorker(eventsQueue, (data, _job, jobLog) => process(data, jobLog), {
    ...deps.queues,
    log,
    deadLetters: deps.deadLetters,
    concurrency: config.EVENTS_CONCURRENCY,
  });
  return {
    name: 'events',
    async close() {
      await worker.close();
      await publishes.close();
    },
  };
}
