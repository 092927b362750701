import type { Logger } from '@wirehose/logger';
import type { RunningService, StageDeps } from '@wirehose/queue';
import { loadConfigs } from '@wirehose/config';
import { createStageDeps, type WorkerMetricsHook } from '@wirehose/runtime';
import { SERVICES, type ServiceName } from './service-registry.js';

export interface Pipeline {
  deps: StageDeps;
  services: RunningService[];
  /** Stop intake and close services newest first, then the connections. */
  close(): Promise<void>;
}

/**
 * Parse every chosen service's settings from `env` at once; a `ConfigError` lists every problem of every
 * service (not only the first service's), before anything is started.
 */
export function loadServiceConfigs(
  services: readonly ServiceName[],
  env: Record<string, string | undefined>,
): Map<string, unknown> {
  return loadConfigs(
    services.map((name) => ({ name, schema: SERVICES[name].schema })),
    env,
  );
}

/**
 * Start the chosen services in this process on one set of connections. Each service's settings come
 * from `env` through its own schema, so `wirehose run` and a service's own `main.ts` read the same
 * variables.
 */
export async function startPipeline({
  redisUrl,
  prefix,
  log,
  services,
  env,
  metrics,
}: {
  redisUrl: string;
  prefix: string;
  log: Logger;
  services: readonly ServiceName[];
  env: Record<string, string | undefined>;
  /** Observer of every stage worker (Prometheus metrics). */
  metrics?: WorkerMetricsHook;
}): Promise<Pipeline> {
  const configs = loadServiceConfigs(services, env);
  const deps = createStageDeps({ redisUrl, prefix, log, ...(metrics ? { metrics } : {}) });
  const started: RunningService[] = [];
  try {
    for (const name of services) {
      started.push(await SERVICES[name].start(deps, configs.get(name) as never));
    }
  } catch (err) {
    await Promise.allSettled(started.map((s) => s.close()));
    await deps.close();
    throw err;
  }
  return {
    deps,
    services: started,
    async close() {
      for (const service of [...started].reverse()) {
        await service.close();
        log.debug({ closed: service.name }, 'service closed');
      }
      await deps.close();
    },
  };
}
