import { loadConfig } from '@wirehose/config';
import type { StoryRecord } from '@wirehose/schemas';
import type { Command } from './command.js';

const SOURCES = ['store', 'postgres', 'stream'] as const;
type Source = (typeof SOURCES)[number];

export const replayCommand: Command = {
  name: 'replay',
  summary: 're-publish stored records to sinks (queued for the publisher), or backfill one sink',
  options: [
    {
      name: 'since',
      value: 'DATE',
      description: 'records published since (2026-11-24, or 1970-01-01 for all); required',
    },
    {
      name: 'sink',
      value: 'NAME',
      multiple: true,
      description: 'only this sink (repeat for several; default: all)',
    },
    {
      name: 'from',
      value: 'SOURCE',
      description: 'store (default: queue for the publisher), or postgres|stream (write one --sink here)',
    },
  ],
  examples: [
    'replay --since 2026-11-24',
    'replay --since 1970-01-01 --sink webhook',
    'replay --since 1970-01-01 --from postgres --sink archive',
  ],
  async run({ flags, env, print }) {
    const [publisher, { createRedis }, { createStores }, reach] = await Promise.all([
      import('@wirehose/svc-publisher'),
      import('@wirehose/queue'),
      import('@wirehose/store'),
      import('../reach.js'),
    ]);
    const {
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
    } = publisher;
    const config = loadConfig(PublisherEnvSchema, env);
    if (!config.REDIS_URL)
      throw new Error(
        'replay needs REDIS_URL: the records live in the Redis the services use (e.g. REDIS_URL=redis://127.0.0.1:6379)',
      );
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
    if (from === 'postgres') reach.checkDatabaseUrl(config.DATABASE_URL);
    await reach.checkRedis(config.REDIS_URL);
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
        if (pool) await reach.checkPostgres(pool, config.DATABASE_URL);
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
        ).catch((err: unknown) => {
          throw reach.explainIndexError(err, config.PG_SCHEMA);
        });
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
