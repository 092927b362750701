import { DEFAULT_SINK_ENV, type SinkEnvDefaults } from '@wirehose/sinks';
import type { PublisherConfig } from './config.js';

/** The env defaults sinks fall back on, from the publisher's configuration. */
export function sinkDefaults(
  config: Partial<
    Pick<
      PublisherConfig,
      'NDJSON_PATH' | 'RECORDS_STREAM' | 'RECORDS_STREAM_MAXLEN' | 'DATABASE_URL' | 'PG_SCHEMA' | 'PG_SINK'
    >
  >,
): SinkEnvDefaults {
  return {
    RECORDS_STREAM: config.RECORDS_STREAM ?? DEFAULT_SINK_ENV.RECORDS_STREAM,
    RECORDS_STREAM_MAXLEN: config.RECORDS_STREAM_MAXLEN ?? DEFAULT_SINK_ENV.RECORDS_STREAM_MAXLEN,
    NDJSON_PATH: config.NDJSON_PATH ?? DEFAULT_SINK_ENV.NDJSON_PATH,
    DATABASE_URL: config.DATABASE_URL ?? DEFAULT_SINK_ENV.DATABASE_URL,
    PG_SCHEMA: config.PG_SCHEMA ?? DEFAULT_SINK_ENV.PG_SCHEMA,
    PG_SINK: config.PG_SINK ?? DEFAULT_SINK_ENV.PG_SINK,
  };
}
