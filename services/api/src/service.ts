import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { Redis } from 'ioredis';
import type { RunningService, StageDeps } from '@wirehose/queue';
import { searchStories } from '@wirehose/sinks';
import { buildApp } from './app.js';
import type { ApiConfig } from './config.js';
import { apiOptionsFromConfig } from './options.js';
import { sinkQueueNames } from './sink-queues.js';
import { forService } from '@wirehose/logger';

export interface RunningApi extends RunningService {
  /** The port the API listens on (useful with API_PORT=0). */
  readonly port: number;
}

/** A connection for the request path: commands fail fast instead of queueing while Redis is away. */
async function openFailFast(base: Redis): Promise<Redis> {
  const conn = base.duplicate({ maxRetriesPerRequest: 1, enableOfflineQueue: false });
  await new Promise<void>((resolve, reject) => {
    conn.once('ready', () => resolve());
    conn.once('error', reject);
  });
  return conn;
}

/**
 * Start the API: listen on API_HOST:API_PORT, and (with WebSub on) check every
 * WEBSUB_RENEW_INTERVAL_SECONDS for leases to renew, one API process at a time.
 */
export async function startApi(deps: StageDeps, config: ApiConfig): Promise<RunningApi> {
  const log = forService(deps.log, 'api');
  // Before any connection: a bad sinks file stops the start with nothing to close.
  const sinkQueues = await sinkQueueNames(config);
  const redis = await openFailFast(deps.redis);
  redis.on('error', (err) => log.error({ err }, 'redis error'));
  const queueConn = await openFailFast(deps.redis);
  queueConn.on('error', (err) => log.error({ err }, 'redis error'));
  const pool = config.DATABASE_URL ? new pg.Pool({ connectionString: config.DATABASE_URL, max: 4 }) : null;
  pool?.on('error', (err) => log.error({ err }, 'postgres pool error'));
  const options = apiOptionsFromConfig(config, sinkQueues);
  if (options.apiKeys.size === 0 && options.hmacSecrets.size === 0) {
    log.warn('no API_KEYS or API_HMAC_SECRETS: every authenticated route answers 401');
  }
  const app = await buildApp({
    redis,
    queues: { connection: queueConn, prefix: deps.queues.prefix },
    prefix: deps.prefix,
    log,
    options,
    search: pool ? (opts) => searchStories(pool, { ...opts, schema: config.PG_SCHEMA }) : null,
  });
  try {
    await app.listen({ port: config.API_PORT, host: config.API_HOST });
  } catch (err) {
    await app.close();
    await pool?.end();
    await Promise.allSettled([redis.quit(), queueConn.quit()]);
    throw err;
  }
  const port = (app.server.address() as AddressInfo).port;

  let timer: NodeJS.Timeout | null = null;
  const interval = config.WEBSUB_RENEW_INTERVAL_SECONDS;
  if (options.websub && interval > 0) {
    const lockKey = `${deps.prefix}:websub:renew-lock`;
    const check = async (): Promise<void> => {
      // One process per interval does the renewals.
      const mine = await redis.set(lockKey, String(process.pid), 'EX', Math.max(1, interval - 1), 'NX');
      if (mine !== null) await app.websub.renewDue();
    };
    timer = setInterval(() => {
      check().catch((err: unknown) => log.warn({ err }, 'websub renewal check failed'));
    }, interval * 1000);
    timer.unref();
  }
  log.info({ port, host: config.API_HOST, websub: options.websub !== null }, 'api listening');
  return {
    name: 'api',
    port,
    async close() {
      if (timer) clearInterval(timer);
      await app.close();
      await pool?.end();
      await Promise.allSettled([redis.quit(), queueConn.quit()]);
    },
  };
}
