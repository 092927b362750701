import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import { createLifecycle } from '@wirehose/lifecycle';
import { startWorkerMetrics } from '@wirehose/runtime';
import { ensureRedis } from '../private-redis.js';
import { startPipeline } from '../pipeline.js';
import { isServiceName, SERVICE_NAMES, type ServiceName } from '../service-registry.js';
import type { Command } from './command.js';

export const runCommand: Command = {
  name: 'run',
  usage: [
    `run [SERVICE...]               start services in this process (default: ${SERVICE_NAMES.join(', ')}; also: api)`,
  ],
  async run({ args, env, log }) {
    const config = loadConfig(BaseEnvSchema, env);
    const unknown = args.filter((s) => !isServiceName(s));
    if (unknown.length > 0)
      throw new Error(`unknown service(s): ${unknown.join(', ')}; known: ${SERVICE_NAMES.join(', ')}`);
    const services: ServiceName[] = args.length > 0 ? (args as ServiceName[]) : SERVICE_NAMES;
    const redis = await ensureRedis(config.REDIS_URL);
    if (redis.isPrivate) log.warn({ url: redis.url }, 'REDIS_URL unset: started a private redis-server');
    const life = createLifecycle(log, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
    life.register('redis-server', () => redis.stop());
    const metrics =
      config.METRICS_PORT === undefined
        ? undefined
        : await startWorkerMetrics({ port: config.METRICS_PORT, log });
    if (metrics) life.register('metrics-server', () => metrics.close());
    const pipeline = await startPipeline({
      redisUrl: redis.url,
      prefix: config.WIREHOSE_PREFIX,
      log,
      services,
      env,
      ...(metrics ? { metrics: metrics.hook } : {}),
    });
    life.register('pipeline', () => pipeline.close());
    life.installSignalHandlers();
    log.info({ services }, 'running; SIGTERM or Ctrl-C stops');
    return new Promise<number>(() => {});
  },
};
