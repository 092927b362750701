import { loadConfig } from '@wirehose/config';
import { createRedis } from '@wirehose/queue';
import type { StoryRecord } from '@wirehose/schemas';
import { createStores } from '@wirehose/store';
import {
  backfillSink,
  loadSinksConfig,
  openPool,
  openSink,
  PublisherEnvSchema,
  readIndexedRecords,
  readStreamRecords,
  recordsStreamKey,
  replayRecords,
  sinkDefaults,
  sinkJobOptions,
  sinkQueue,
} from '@wirehose/svc-publisher';
import type { Command } from './command.js';

const SOURCES = ['store', 'postgres', 'stream'] as const;
type Source = (typeof SOURCES)[number];

export const replayCommand: Command = {
  name: 'replay',
  usage: ['replay --since DATE [--sink NAME]... [--from store|postgres|stream]  re-publish records to sinks'],
  flags: {
    since: { type: 'string' },
    sink: { type: 'string', multiple: true },
    from: { type: 'string' },
  },
  async run({ flags, env, print }) {
    const config = loadConfig(PublisherEnvSchema, env);
    if (!config.REDIS_URL)
      throw new Error('replay needs REDIS_URL: the records live in the Redis the services use');
    const sinceText = typeof flags['since'] === 'string' ? flags['since'] : undefined;
    if (!sinceText)
      throw new Error('replay needs --since DATE (e.g. 2026-11-24 or 1970-01-01 for everything)');
    const since = new Date(sinceText);
    if (Number.isNaN(since.getTime())) throw new Error(`--since needs a date, got "${sinceText}"`);
    const from = (typeof flags['from'] === 'string' ? flags['from'] : 'store') as Source;
    if (!SOURCES.includes(from)) throw new Error(`--from must be one of ${SOURCES.join(', ')}`);
    const raw = flags['sink'] as unknown;
    // `--sink` may be given several times (parsed as a list) or once.
    const names =
      typeof raw === 'string'
        ? [raw]
        : Array.isArray(raw)
          ? raw.filter((n): n is string => typeof n === 'string')
          : [];
    const all = await loadSinksConfig(config.SINKS_FILE, sinkDefaults(config));
    const unknown = names.filter((n) => !all.some((s) => s.name === n));
    if (unknown.length > 0)
      throw new Error(
        `unknown sink(s) ${unknown.join(', ')}; configured: ${all.map((s) => s.name).join(', ')}`,
      );
    const targets = names.length > 0 ? all.filter((s) => names.includes(s.name)) : all;
    const redis = createRedis(config.REDIS_URL, 'worker');
    try {
      if (from === 'store') {
        const stores = createStores({ redis, prefix: config.WIREHOSE_PREFIX });
        const results = await replayRecords({
          stores,
          queues: { connection: redis, prefix: config.WIREHOSE_PREFIX },
          sinks: targets.map((c) => ({
            config: c,
            queue: sinkQueue(c.name),
            jobOptions: sinkJobOptions(c.retry),
          })),
          since,
        });
        for (const r of results) print(`queued ${r.queued} record(s) on ${r.queue} for sink ${r.sink}`);
        print("the publisher's sink workers deliver them (retries and dead letters apply)");
        return 0;
      }
      // Backfill: read another copy of the records and write them to one sink in this process.
      const [target] = targets;
      if (names.length !== 1 || !target)
        throw new Error(`--from ${from} writes to one sink: name it with --sink`);
      const open = await openSink(target, { redis, prefix: config.WIREHOSE_PREFIX });
      const pool = from === 'postgres' ? openPool(config.DATABASE_URL) : null;
      try {
        let records: AsyncIterable<StoryRecord>;
        if (pool) {
          records = readIndexedRecords(pool, { schema: config.PG_SCHEMA, since });
        } else {
          const streamSink = all.find((s) => s.type === 'redis-stream');
          const stream = streamSink?.type === 'redis-stream' ? streamSink.stream : config.RECORDS_STREAM;
          records = readStreamRecords(redis, recordsStreamKey(config.WIREHOSE_PREFIX, stream), { since });
        }
        const result = await backfillSink(open.sink, records, (p) =>
          print(`progress: read ${p.read}, written ${p.written}, skipped ${p.skipped}`),
        );
        print(
          `backfilled sink ${target.name} from ${from}: read ${result.read}, written ${result.written}, skipped ${result.skipped}`,
        );
        return 0;
      } finally {
        await open.close();
        await pool?.end();
      }
    } finally {
      redis.disconnect();
    }
  },
};
