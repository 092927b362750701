import { z } from 'zod';
import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import { createLifecycle } from '@wirehose/lifecycle';
import { didYouMean } from '../closest.js';
import { ALL_SERVICE_NAMES, isServiceName, SERVICE_NAMES, type ServiceName } from '../service-names.js';
import type { Command } from './command.js';

/** Where the scheduler's sources file is (its schema's default, without loading the scheduler). */
const SchedulerFileSchema = z.object({ SOURCES_FILE: z.string().default('sources.yaml') });

export const runCommand: Command = {
  name: 'run',
  summary: `start services in this process (default: ${SERVICE_NAMES.join(', ')}; also: api)`,
  arguments: '[service...]',
  examples: ['run', 'run fetcher extractor', 'REDIS_URL=redis://127.0.0.1:6379 wirehose run api'],
  handlesSignals: true,
  async run({ args, env, log, signal }) {
    const config = loadConfig(BaseEnvSchema, env);
    for (const name of args)
      if (!isServiceName(name))
        throw new Error(
          `unknown service "${name}"${didYouMean(name, ALL_SERVICE_NAMES)} (known: ${ALL_SERVICE_NAMES.join(', ')})`,
        );
    const services: ServiceName[] = args.length > 0 ? (args as ServiceName[]) : [...SERVICE_NAMES];
    // What can be checked without starting anything comes first: the sources file the scheduler reads
    // (there and valid), then every service's settings at once.
    if (services.includes('scheduler')) {
      const { SOURCES_FILE } = loadConfig(SchedulerFileSchema, env);
      const { readSourcesFile } = await import('../sources-file.js');
      await readSourcesFile(SOURCES_FILE);
    }
    const [{ ensureRedis }, { loadServiceConfigs, startPipeline }, { startWorkerMetrics }, { checkRedis }] =
      await Promise.all([
        import('../private-redis.js'),
        import('../pipeline.js'),
        import('@wirehose/runtime'),
        import('../reach.js'),
      ]);
    loadServiceConfigs(services, env);
    const life = createLifecycle(log, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
    const stopped = new Promise<string>((resolve) => {
      if (signal) signal.addEventListener('abort', () => resolve(String(signal.reason)), { once: true });
      else life.installSignalHandlers();
    });
    try {
      if (config.REDIS_URL) await checkRedis(config.REDIS_URL);
      const redis = await ensureRedis(config.REDIS_URL);
      life.register('redis-server', () => redis.stop());
      if (redis.isPrivate) log.warn({ url: redis.url }, 'REDIS_URL unset: started a private redis-server');
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
    } catch (err) {
      // A failed start stops what did start (the private redis-server included) before the error is shown.
      await life
        .shutdown('start failed')
        .catch((e: unknown) => log.error({ err: e }, 'stopping after a failed start did not finish'));
      throw err;
    }
    log.info({ services }, 'running; SIGTERM or Ctrl-C stops');
    const reason = await stopped;
    try {
      await life.shutdown(reason);
      return 0;
    } catch (err) {
      log.fatal({ err }, 'shutdown failed');
      return 1;
    }
  },
};
