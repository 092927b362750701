import type { z } from 'zod';
import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import { createLifecycle } from '@wirehose/lifecycle';
import { createLogger } from '@wirehose/logger';
import { assertRedisDurable, type RunningService, type StageDeps } from '@wirehose/queue';
import { RuntimeEnvSchema, type RuntimeEnv } from './runtime-env.js';
import { createStageDeps } from './stage-deps.js';
import { startWorkerMetrics } from './worker-metrics.js';

type BaseShape = typeof BaseEnvSchema;

/**
 * The body of a service's `main.ts`: parse the environment, open connections, check that Redis keeps
 * accepted work (append-only file, no eviction; see `assertRedisDurable`), start the service, and shut
 * down in order on SIGTERM/SIGINT (or exit 1 on a fatal error).
 */
export async function runService<S extends BaseShape>(
  name: string,
  schema: S,
  start: (deps: StageDeps, config: z.infer<S>) => RunningService | Promise<RunningService>,
): Promise<void> {
  let config: z.infer<S>;
  let runtime: RuntimeEnv;
  try {
    config = loadConfig(schema, process.env);
    runtime = loadConfig(RuntimeEnvSchema, process.env);
  } catch (err) {
    process.stderr.write(`${name}: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const log = createLogger({ service: name, level: config.LOG_LEVEL });
  const life = createLifecycle(log, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  life.installSignalHandlers();
  const fatal = (err: unknown): void => {
    log.fatal({ err }, 'fatal error');
    void life.shutdown('fatal').finally(() => process.exit(1));
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  const metrics =
    config.METRICS_PORT === undefined
      ? undefined
      : await startWorkerMetrics({ port: config.METRICS_PORT, log });
  if (metrics) life.register('metrics-server', () => metrics.close());
  const deps = createStageDeps({
    redisUrl: config.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: config.WIREHOSE_PREFIX,
    log,
    ...(metrics ? { metrics: metrics.hook } : {}),
    retention: { htmlTtlSeconds: runtime.HTML_TTL_SECONDS, dataTtlSeconds: runtime.DATA_TTL_SECONDS },
  });
  life.register('connections', () => deps.close());
  try {
    await assertRedisDurable(deps.redis, { allowVolatile: runtime.REDIS_ALLOW_VOLATILE, log });
    const service = await start(deps, config);
    life.register(service.name, () => service.close());
  } catch (err) {
    fatal(err);
    return;
  }
  log.info('started');
}
