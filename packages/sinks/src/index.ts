export type { Sink, SinkOutcome } from './sink.js';
export { PermanentSinkError } from './sink-errors.js';
export { createNdjsonSink } from './ndjson-sink.js';
export type { NdjsonSinkOptions, NdjsonRotation } from './ndjson-sink.js';
export { createRedisStreamSink } from './redis-stream-sink.js';
export type { RedisStreamSinkOptions } from './redis-stream-sink.js';
export { createWebhookSink, deliveryKey, WebhookDeliveryError, IDEMPOTENCY_HEADER } from './webhook-sink.js';
export type { WebhookSinkOptions } from './webhook-sink.js';
export { matchesFilter } from './webhook-filter.js';
export { DEFAULT_PG_SCHEMA, InvalidSchemaNameError, quoteSchema } from './postgres/pg-schema.js';
export { MIGRATIONS, migrate } from './postgres/migrations.js';
export { IndexNotReadyError, startMigrationGate } from './postgres/migration-gate.js';
export type { MigrationGate } from './postgres/migration-gate.js';
export type { Migration } from './postgres/migrations.js';
export { createPostgresSink } from './postgres/postgres-sink.js';
export type { PostgresSinkOptions } from './postgres/postgres-sink.js';
export { searchStories } from './postgres/search.js';
export type { SearchHit, SearchOptions } from './postgres/search.js';
export { readIndexedRecords } from './postgres/read-records.js';
export { recordCountries, recordEventTypes } from './postgres/story-row.js';
export {
  SinkConfigSchema,
  SinksFileSchema,
  WebhookFilterSchema,
  SinksConfigError,
  DEFAULT_SINK_ENV,
  defaultSinks,
  loadSinksConfig,
  parseSinksFile,
  resolveSinks,
} from './sinks-config.js';
export type {
  SinkConfig,
  SinksFile,
  ResolvedSinkConfig,
  SinkEnvDefaults,
  WebhookFilter,
} from './sinks-config.js';
export { SinkJobSchema, sinkQueue, sinkQueueName, sinkJobOptions } from './sink-queue.js';
export type { SinkJob, SinkJobInput } from './sink-queue.js';
export { openSink, openSinks, recordsStreamKey, webhookDeliveredKey } from './open-sinks.js';
export type { OpenSink, OpenSinkContext } from './open-sinks.js';
export { consumeStream, ensureGroup, readStreamRecords } from './stream-consumer.js';
export type { ConsumeOptions, StreamDelivery } from './stream-consumer.js';
