import type { Logger } from '@wirehose/logger';
import type { RunningService, StageDeps } from '@wirehose/queue';
import { loadConfig } from '@wirehose/config';
import { createStageDeps, type WorkerMetricsHook } from '@wirehose/runtime';
import { SERVICES, type ServiceName } from './service-registry.js';

export interface Pipeline {
  deps: StageDeps;
  services: RunningService[];
  /** Stop intake and close services newest first, then the connections. */
  close(): Promise<void>;
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
  const deps = createStageDeps({ redisUrl, prefix, log, ...(metrics ? { metrics } : {}) });
  const started: RunningService[] = [];
  try {
    for (const name of services) {
      const { schema, start } = SERVICES[name];
      started.push(await start(deps, loadConfig(schema, env)));
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
