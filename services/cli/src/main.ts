import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import { createLifecycle } from '@wirehose/lifecycle';
import { createLogger } from '@wirehose/logger';
import { createDeadLetters, createRedis } from '@wirehose/queue';
import { ensureRedis, RedisNotFoundError } from './private-redis.js';
import { startPipeline } from './pipeline.js';
import { runDemo } from './commands/demo.js';
import { listDeadLetters, retryDeadLetters } from './commands/dlq.js';
import { isServiceName, SERVICE_NAMES, type ServiceName } from './service-registry.js';

const USAGE = `wirehose — news ingestion pipeline

Usage:
  wirehose demo [--out FILE]             run the whole pipeline once over the bundled sample site
  wirehose run [SERVICE...]              start services (default: all): ${SERVICE_NAMES.join(', ')}
  wirehose dlq list [--queue NAME]       show dead letters with their error and payload
  wirehose dlq retry ID... | --all       re-queue dead letters on their original queues

Environment: REDIS_URL (unset: a private redis-server is started), WIREHOSE_PREFIX, LOG_LEVEL, and each
service's settings (see README, "Configuration").`;

const CliEnvSchema = BaseEnvSchema.extend({
  /** The demo's NDJSON output. */
  DEMO_OUT: z.string().default('out/demo-records.ndjson'),
});

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      queue: { type: 'string' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    print(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig(CliEnvSchema, process.env);
  // Progress and summaries go to stdout; pino's JSON logs go to stderr so they do not mix.
  const log = createLogger({
    service: 'wirehose',
    level: command === 'demo' && !process.env['LOG_LEVEL'] ? 'warn' : config.LOG_LEVEL,
    destination: process.stderr,
  });

  switch (command) {
    case 'demo': {
      const redis = await ensureRedis(config.REDIS_URL);
      if (redis.isPrivate) print(`started a private redis-server at ${redis.url} (stopped on exit)`);
      try {
        const result = await runDemo({
          redisUrl: redis.url,
          prefix: config.WIREHOSE_PREFIX,
          outPath: values.out ?? config.DEMO_OUT,
          log,
          env: process.env,
          print,
        });
        return result.records.length > 0 ? 0 : 1;
      } finally {
        await redis.stop();
      }
    }
    case 'run': {
      const unknown = rest.filter((s) => !isServiceName(s));
      if (unknown.length > 0)
        throw new Error(`unknown service(s): ${unknown.join(', ')}; known: ${SERVICE_NAMES.join(', ')}`);
      const services: ServiceName[] = rest.length > 0 ? (rest as ServiceName[]) : SERVICE_NAMES;
      const redis = await ensureRedis(config.REDIS_URL);
      if (redis.isPrivate) log.warn({ url: redis.url }, 'REDIS_URL unset: started a private redis-server');
      const life = createLifecycle(log, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
      life.register('redis-server', () => redis.stop());
      const pipeline = await startPipeline({
        redisUrl: redis.url,
        prefix: config.WIREHOSE_PREFIX,
        log,
        services,
        env: process.env,
      });
      life.register('pipeline', () => pipeline.close());
      life.installSignalHandlers();
      log.info({ services }, 'running; SIGTERM or Ctrl-C stops');
      return await new Promise<number>(() => {});
    }
    case 'dlq': {
      const [action, ...ids] = rest;
      if (!config.REDIS_URL)
        throw new Error('dlq needs REDIS_URL: the dead letters live in the Redis the services use');
      const connection = createRedis(config.REDIS_URL, 'producer', { enableOfflineQueue: true });
      const deadLetters = createDeadLetters({ connection, prefix: config.WIREHOSE_PREFIX });
      try {
        if (action === 'list') {
          await listDeadLetters(deadLetters, print, values.queue);
          return 0;
        }
        if (action === 'retry') {
          if (!values.all && ids.length === 0) throw new Error('dlq retry needs dead-letter ids or --all');
          await retryDeadLetters(deadLetters, values.all ? 'all' : ids, print);
          return 0;
        }
        throw new Error(`unknown dlq action "${action ?? ''}"; use list or retry`);
      } finally {
        await deadLetters.close();
        connection.disconnect();
      }
    }
    default:
      process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof RedisNotFoundError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`wirehose: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof RedisNotFoundError ? 3 : 1);
  },
);
