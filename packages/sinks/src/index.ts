export type { Sink, SinkOutcome } from './sink.js';
export { createNdjsonSink } from './ndjson-sink.js';
export { createRedisStreamSink } from './redis-stream-sink.js';
export type { RedisStreamSinkOptions } from './redis-stream-sink.js';
