import { afterAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { createLogger } from '@wirehose/logger';
import { createStageDeps } from '@wirehose/runtime';
import { recordsStreamKey, sinkJobOptions, sinkQueueName, type ResolvedSinkConfig } from '@wirehose/sinks';
import { queueOptions } from '@wirehose/queue';
import { createStores } from '@wirehose/store';
import { startPublisher } from '@wirehose/svc-publisher';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { makeRecord } from '../publish/fixtures.js';
import { DATABASE_URL, dropSchema, openPool, testSchema } from '../publish/pg.js';
import { startTcpOutage } from './tcp-outage.js';

const log = createLogger({ service: 'reliability-test', level: 'silent' });

describe('the publisher through a PostgreSQL outage', () => {
  const prefix = testPrefix('rel-pg');
  const schema = testSchema();
  const redis = connect();
  const pool = openPool();

  afterAll(async () => {
    await dropSchema(pool, schema);
    await pool.end();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('starts without PostgreSQL, keeps the other sinks writing, survives dropped connections, and catches up', async () => {
    const pgUrl = new URL(DATABASE_URL);
    const outage = await startTcpOutage({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
    outage.down();
    const viaProxy = new URL(DATABASE_URL);
    viaProxy.host = `127.0.0.1:${outage.port}`;
    const retry = { attempts: 30, backoffMs: 100 };
    const sinks: ResolvedSinkConfig[] = [
      {
        type: 'redis-stream',
        name: 'redis-stream',
        enabled: true,
        concurrency: 1,
        retry,
        stream: 'records',
        maxLen: 1000,
      },
      {
        type: 'postgres',
        name: 'postgres',
        enabled: true,
        concurrency: 1,
        retry,
        databaseUrl: viaProxy.toString(),
        schema,
        migrate: true,
      },
    ];
    const deps = createStageDeps({ redisUrl: REDIS_URL, prefix, log });
    const stores = createStores({ redis, prefix });
    // Starting must not wait for PostgreSQL.
    const publisher = await startPublisher(deps, {
      PUBLISHER_CONCURRENCY: 1,
      NDJSON_PATH: '',
      RECORDS_STREAM: 'records',
      RECORDS_STREAM_MAXLEN: 1000,
      sinks,
    });
    const queues = sinks.map(
      (s) =>
        new Queue(sinkQueueName(s.name), queueOptions({ connection: redis, prefix }, sinkQueueName(s.name))),
    );
    const send = async (record: ReturnType<typeof makeRecord>): Promise<void> => {
      await stores.records.put(record);
      for (const q of queues)
        await q.add(q.name, { storyId: record.id, version: record.version }, sinkJobOptions(retry));
    };
    const indexed = async (id: string): Promise<number | null> => {
      const found = await pool
        .query<{ version: number }>(`SELECT version FROM "${schema}".stories WHERE id = $1`, [id])
        .catch(() => ({ rows: [] }));
      return found.rows[0]?.version ?? null;
    };
    try {
      await send(makeRecord({ id: `${prefix}-a`, version: 1 }));
      // The stream sink writes during the outage.
      await expect.poll(() => redis.xlen(recordsStreamKey(prefix, 'records')), { timeout: 10_000 }).toBe(1);
      expect(await indexed(`${prefix}-a`)).toBeNull();

      outage.up();
      await expect.poll(() => indexed(`${prefix}-a`), { timeout: 30_000, interval: 200 }).toBe(1);

      // PostgreSQL drops every connection (a restart): the pool's idle clients error; nothing crashes.
      outage.cut();
      await send(makeRecord({ id: `${prefix}-a`, version: 2 }));
      await expect.poll(() => indexed(`${prefix}-a`), { timeout: 30_000, interval: 200 }).toBe(2);
      expect(await redis.xlen(recordsStreamKey(prefix, 'records'))).toBe(2);
      expect(await deps.deadLetters.count()).toBe(0);
    } finally {
      await Promise.all(queues.map((q) => q.close()));
      await publisher.close();
      await deps.close();
      await outage.close();
    }
  }, 90_000);
});
