import { hostname } from 'node:os';
import { loadConfig } from '@wirehose/config';
import type { Command } from './command.js';

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${flag} needs a whole number, got "${value}"`);
  return Number(value);
}

/** How long a stop waits for the current read before it drops the connection (Redis may be gone). */
const STOP_GRACE_MS = 3_000;

export const consumeCommand: Command = {
  name: 'consume',
  summary: 'read the records stream as a consumer group: print each record, then acknowledge it',
  options: [
    { name: 'group', value: 'NAME', description: 'consumer group (created if missing); required' },
    { name: 'consumer', value: 'NAME', description: 'consumer name in the group (default: host name)' },
    {
      name: 'stream',
      value: 'NAME',
      description: 'stream name (default: the redis-stream sink, or RECORDS_STREAM)',
    },
    { name: 'new', description: 'a new group starts at new entries only (default: the whole stream)' },
    {
      name: 'claim-idle',
      value: 'MS',
      description: 'also take entries other consumers left unacknowledged this long',
    },
    { name: 'max', value: 'N', description: 'stop after N entries' },
    { name: 'until-idle', description: 'stop when the stream has nothing new' },
    { name: 'json', description: 'one JSON object per entry instead of a text line' },
  ],
  examples: [
    'consume --group archive',
    'consume --group audit --new --json',
    'consume --group archive --claim-idle 60000 --until-idle',
  ],
  handlesSignals: true,
  async run({ flags, env, print, log, signal }) {
    const [
      { consumeStream, loadSinksConfig, PublisherEnvSchema, recordsStreamKey, sinkDefaults },
      { createRedis },
      { checkRedis },
    ] = await Promise.all([
      import('@wirehose/svc-publisher'),
      import('@wirehose/queue'),
      import('../reach.js'),
    ]);
    const config = loadConfig(PublisherEnvSchema, env);
    if (!config.REDIS_URL)
      throw new Error(
        'consume needs REDIS_URL: the stream lives in the Redis the services use (e.g. REDIS_URL=redis://127.0.0.1:6379)',
      );
    const str = (name: string): string | undefined =>
      typeof flags[name] === 'string' ? flags[name] : undefined;
    const group = str('group');
    if (!group) throw new Error('consume needs --group NAME (see wirehose consume --help)');
    const consumer = str('consumer') ?? hostname();
    const max = positiveInt(str('max'), 'max');
    const claimIdleMs = positiveInt(str('claim-idle'), 'claim-idle');
    let stream = str('stream');
    if (!stream) {
      const sinks = await loadSinksConfig(config.SINKS_FILE, sinkDefaults(config));
      const streamSink = sinks.find((s) => s.type === 'redis-stream');
      stream = streamSink?.type === 'redis-stream' ? streamSink.stream : config.RECORDS_STREAM;
    }
    await checkRedis(config.REDIS_URL);
    const key = recordsStreamKey(config.WIREHOSE_PREFIX, stream);
    const redis = createRedis(config.REDIS_URL, 'worker');
    // Redis lost mid-run: one error line per distinct error while ioredis reconnects, not one per retry.
    let lastError = '';
    redis.on('error', (err: Error) => {
      if (err.message === lastError) return;
      lastError = err.message;
      log.error({ err }, 'redis error; reconnecting');
    });
    redis.on('ready', () => {
      if (lastError) log.info('redis reconnected');
      lastError = '';
    });
    const abort = new AbortController();
    let grace: NodeJS.Timeout | undefined;
    const stop = (): void => {
      abort.abort();
      // A read blocked on a Redis that went away never returns: drop the connection after a grace period.
      grace = setTimeout(() => redis.disconnect(), STOP_GRACE_MS);
      grace.unref();
    };
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      const result = await consumeStream({
        redis,
        stream: key,
        group,
        consumer,
        startId: flags['new'] ? '$' : '0',
        blockMs: 2_000,
        signal: abort.signal,
        stopWhenIdle: flags['until-idle'] === true,
        ...(max !== undefined ? { max } : {}),
        ...(claimIdleMs !== undefined ? { claimIdleMs } : {}),
        handle({ entryId, via, record }) {
          if (flags['json']) {
            print(JSON.stringify({ entryId, via, record }));
          } else if (record) {
            print(`${entryId}\t${record.id}\tv${record.version}\t${via}\t${record.story.title}`);
          } else {
            print(`${entryId}\t-\t-\t${via}\t(trimmed or not a valid record)`);
          }
        },
      }).catch((err: unknown) => {
        // Dropped on purpose after a stop: stopping is the outcome, not this error.
        if (abort.signal.aborted) return null;
        throw err;
      });
      log.info({ stream: key, group, consumer, handled: result?.handled }, 'consumer stopped');
      return 0;
    } finally {
      clearTimeout(grace);
      signal?.removeEventListener('abort', stop);
      redis.disconnect();
    }
  },
};
