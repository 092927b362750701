import type { z } from 'zod';
import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import { createLifecycle } from '@wirehose/lifecycle';
import { createLogger } from '@wirehose/logger';
import type { RunningService, StageDeps } from '@wirehose/queue';
import { createStageDeps } from './stage-deps.js';
import { startWorkerMetrics } from './worker-metrics.js';

type BaseShape = typeof BaseEnvSchema;

/**
 * The body of a service's `main.ts`: parse the environment, open connections, start the service, and
 * shut down in order on SIGTERM/SIGINT (or exit 1 on a fatal error).
 */
export async function runService<S extends BaseShape>(
  name: string,
  schema: S,
  start: (deps: StageDeps, config: z.infer<S>) => RunningService | Promise<RunningService>,
): Promise<void> {
  let config: z.infer<S>;
  try {
    config = loadConfig(schema, process.env);
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
  });
  life.register('connections', () => deps.close());
  const service = await start(deps, config);
  life.register(service.name, () => service.close());
  log.info('started');
}
