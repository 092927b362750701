import { hostname } from 'node:os';
import { loadConfig } from '@wirehose/config';
import { createRedis } from '@wirehose/queue';
import {
  consumeStream,
  loadSinksConfig,
  PublisherEnvSchema,
  recordsStreamKey,
  sinkDefaults,
} from '@wirehose/svc-publisher';
import type { Command } from './command.js';

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${flag} needs a whole number, got "${value}"`);
  return Number(value);
}

export const consumeCommand: Command = {
  name: 'consume',
  usage: [
    'consume --group NAME [--consumer NAME] [--new] [--claim-idle MS] [--max N] [--until-idle] [--json]  read the records stream in a consumer group, print and XACK',
  ],
  flags: {
    group: { type: 'string' },
    consumer: { type: 'string' },
    stream: { type: 'string' },
    new: { type: 'boolean' },
    'claim-idle': { type: 'string' },
    max: { type: 'string' },
    'until-idle': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ flags, env, print, log }) {
    const config = loadConfig(PublisherEnvSchema, env);
    if (!config.REDIS_URL)
      throw new Error('consume needs REDIS_URL: the stream lives in the Redis the services use');
    const str = (name: string): string | undefined =>
      typeof flags[name] === 'string' ? (flags[name] as string) : undefined;
    const group = str('group');
    if (!group) throw new Error('consume needs --group NAME');
    const consumer = str('consumer') ?? hostname();
    let stream = str('stream');
    if (!stream) {
      const sinks = await loadSinksConfig(config.SINKS_FILE, sinkDefaults(config));
      const streamSink = sinks.find((s) => s.type === 'redis-stream');
      stream = streamSink?.type === 'redis-stream' ? streamSink.stream : config.RECORDS_STREAM;
    }
    const key = recordsStreamKey(config.WIREHOSE_PREFIX, stream);
    const redis = createRedis(config.REDIS_URL, 'worker');
    redis.on('error', (err) => log.error({ err }, 'redis error'));
    const abort = new AbortController();
    const stop = (): void => abort.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const max = positiveInt(str('max'), 'max');
    const claimIdleMs = positiveInt(str('claim-idle'), 'claim-idle');
    try {
      const { handled } = await consumeStream({
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
      });
      log.info({ stream: key, group, consumer, handled }, 'consumer stopped');
      return 0;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      redis.disconnect();
    }
  },
};
