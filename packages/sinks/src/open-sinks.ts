import type { Redis } from 'ioredis';
import pg from 'pg';
import type { QueueDef } from '@wirehose/queue';
import { createNdjsonSink } from './ndjson-sink.js';
import type { Logger } from '@wirehose/logger';
import { startMigrationGate } from './postgres/migration-gate.js';
import { createPostgresSink } from './postgres/postgres-sink.js';
import { createRedisStreamSink } from './redis-stream-sink.js';
import type { Sink } from './sink.js';
import { sinkJobOptions, sinkQueue, type SinkJobSchema } from './sink-queue.js';
import type { ResolvedSinkConfig } from './sinks-config.js';
import { createWebhookSink } from './webhook-sink.js';

/** Full Redis key of a records stream: under the deployment prefix unless the name contains ':'. */
export function recordsStreamKey(prefix: string, stream: string): string {
  return stream.includes(':') ? stream : `${prefix}:${stream}`;
}

/** Prefix of the keys (one per record, expiring) remembering the versions a webhook subscriber accepted. */
export function webhookDeliveredKey(prefix: string, sink: string): string {
  return `${prefix}:sink:${sink}:delivered`;
}

/** A configured sink, ready to write, with its queue and job options. */
export interface OpenSink {
  readonly config: ResolvedSinkConfig;
  readonly sink: Sink;
  readonly queue: QueueDef<typeof SinkJobSchema>;
  readonly jobOptions: ReturnType<typeof sinkJobOptions>;
  /** Close the sink and whatever it opened (a PostgreSQL pool). */
  close(): Promise<void>;
}

export interface OpenSinkContext {
  /** Data connection (streams, delivered-version hashes). */
  redis: Redis;
  /** Deployment prefix for Redis keys. */
  prefix: string;
  /** Where connection errors of a sink (a PostgreSQL pool's idle clients) are reported. */
  log?: Logger;
}

/**
 * Build one sink from its configuration. A PostgreSQL sink opens its own pool (whose idle-client errors,
 * e.g. PostgreSQL restarting, are logged rather than ending the process) and, unless `migrate` is false,
 * brings its schema up to date in the background: PostgreSQL being down does not stop the publisher
 * from starting, nor its other sinks from writing; this sink's jobs retry until the index is ready.
 */
export async function openSink(config: ResolvedSinkConfig, ctx: OpenSinkContext): Promise<OpenSink> {
  const base = { config, queue: sinkQueue(config.name), jobOptions: sinkJobOptions(config.retry) };
  switch (config.type) {
    case 'redis-stream': {
      const sink = createRedisStreamSink({
        redis: ctx.redis,
        stream: recordsStreamKey(ctx.prefix, config.stream),
        maxLen: config.maxLen,
        name: config.name,
      });
      return { ...base, sink, close: () => sink.close() };
    }
    case 'ndjson': {
      const sink = createNdjsonSink({
        path: config.path,
        name: config.name,
        ...(config.rotate ? { rotate: config.rotate } : {}),
      });
      return { ...base, sink, close: () => sink.close() };
    }
    case 'postgres': {
      const pool = new pg.Pool({
        connectionString: config.databaseUrl,
        max: Math.max(2, config.concurrency),
      });
      pool.on('error', (err) =>
        ctx.log?.warn({ err, sink: config.name }, 'postgres connection lost; the pool reconnects'),
      );
      const gate = config.migrate
        ? startMigrationGate(pool, {
            schema: config.schema,
            sink: config.name,
            ...(ctx.log ? { log: ctx.log } : {}),
          })
        : null;
      const inner = createPostgresSink({ pool, schema: config.schema, name: config.name });
      const sink: Sink = {
        name: inner.name,
        async write(record) {
          await gate?.ready();
          return inner.write(record);
        },
        close: () => inner.close(),
      };
      return {
        ...base,
        sink,
        async close() {
          gate?.stop();
          await sink.close();
          await pool.end();
        },
      };
    }
    case 'webhook': {
      const sink = createWebhookSink({
        name: config.name,
        url: config.url,
        secret: config.secret,
        ...(config.filter ? { filter: config.filter } : {}),
        timeoutMs: config.timeoutMs,
        headers: config.headers,
        policy: { allowPrivate: config.allowPrivate, allowHosts: config.allowHosts },
        redis: ctx.redis,
        deliveredKey: webhookDeliveredKey(ctx.prefix, config.name),
      });
      return { ...base, sink, close: () => sink.close() };
    }
  }
}

/** Open every configured sink; if one fails to open, those already open are closed. */
export async function openSinks(
  configs: readonly ResolvedSinkConfig[],
  ctx: OpenSinkContext,
): Promise<OpenSink[]> {
  const opened: OpenSink[] = [];
  try {
    for (const config of configs) opened.push(await openSink(config, ctx));
  } catch (err) {
    await Promise.allSettled(opened.map((s) => s.close()));
    throw err;
  }
  return opened;
}
