export { startPublisher } from './service.js';
export type { PublisherOptions } from './service.js';
export { PublisherEnvSchema } from './config.js';
export type { PublisherConfig } from './config.js';
export { sinkDefaults } from './sink-defaults.js';
export { buildRecordContent, finishRecord, hashContent } from './build-record.js';
export { mentionsSentence } from './mentions.js';
export { createFanOut, SINKS_DONE_JOB } from './fan-out.js';
export type { FanOut } from './fan-out.js';
export { createSinkProcessor, StaleRecordError } from './sink-worker.js';
export { replayRecords, backfillSink } from './replay.js';
export type { ReplayResult, BackfillResult } from './replay.js';
export { openPool } from './pool.js';
export {
  recordsStreamKey,
  consumeStream,
  migrate,
  searchStories,
  loadSinksConfig,
  openSinks,
  openSink,
  readIndexedRecords,
  readStreamRecords,
  sinkQueueName,
  sinkQueue,
  sinkJobOptions,
} from '@wirehose/sinks';
export type { SearchHit, SearchOptions, StreamDelivery, ResolvedSinkConfig, OpenSink } from '@wirehose/sinks';
