import { createDedupIndex } from '@wirehose/dedup';
import { createStageWorker, publishQueue, type RunningService, type StageDeps } from '@wirehose/queue';
import { createNdjsonSink, createRedisStreamSink, type Sink } from '@wirehose/sinks';
import { createStores } from '@wirehose/store';
import type { PublisherConfig } from './config.js';
import { createPublishProcessor } from './processor.js';

export type PublisherOptions = Pick<
  PublisherConfig,
  'PUBLISHER_CONCURRENCY' | 'NDJSON_PATH' | 'RECORDS_STREAM' | 'RECORDS_STREAM_MAXLEN'
> & { DEDUP_WINDOW_SECONDS?: number };

/** Full Redis key of the records stream. */
export function recordsStreamKey(prefix: string, stream: string): string {
  return stream.includes(':') ? stream : `${prefix}:${stream}`;
}

/** The publisher consumes `publish` and writes each new record version to the configured sinks. */
export function startPublisher(deps: StageDeps, config: PublisherOptions): RunningService {
  const log = deps.log.child({ service: 'publisher' });
  const stores = createStores({ redis: deps.redis, prefix: deps.prefix });
  const sinks: Sink[] = [
    createRedisStreamSink({
      redis: deps.redis,
      stream: recordsStreamKey(deps.prefix, config.RECORDS_STREAM),
      maxLen: config.RECORDS_STREAM_MAXLEN,
    }),
  ];
  if (config.NDJSON_PATH) sinks.push(createNdjsonSink({ path: config.NDJSON_PATH }));
  const index = createDedupIndex({
    redis: deps.redis,
    prefix: stores.keys.dedup(),
    ...(config.DEDUP_WINDOW_SECONDS ? { windowSeconds: config.DEDUP_WINDOW_SECONDS } : {}),
  });
  const process = createPublishProcessor({ redis: deps.redis, stores, index, sinks });
  const worker = createStageWorker(publishQueue, (data, _job, jobLog) => process(data, jobLog), {
    ...deps.queues,
    log,
    deadLetters: deps.deadLetters,
    concurrency: config.PUBLISHER_CONCURRENCY,
  });
  return {
    name: 'publisher',
    async close() {
      await worker.close();
      await Promise.all(sinks.map((s) => s.close()));
    },
  };
}
