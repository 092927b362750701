import type { Logger } from '@wirehose/logger';
import {
  createJobMetrics,
  createMetricsRegistry,
  createWorkerMetricsHook,
  startMetricsServer,
} from '@wirehose/metrics';
import type { WorkerMetricsHook } from './stage-deps.js';

export interface WorkerMetrics {
  hook: WorkerMetricsHook;
  port: number;
  close(): Promise<void>;
}

/**
 * Prometheus metrics for a process that runs stage workers: a registry with the job metrics, a hook for
 * `createStageDeps({ metrics })`, and `GET /metrics` on `port` (0: any free port).
 */
export async function startWorkerMetrics({
  port,
  host,
  log,
}: {
  port: number;
  host?: string;
  log: Logger;
}): Promise<WorkerMetrics> {
  const registry = createMetricsRegistry();
  const hook = createWorkerMetricsHook(createJobMetrics(registry));
  const server = await startMetricsServer({ registry, port, log, ...(host ? { host } : {}) });
  log.info({ port: server.port }, 'metrics on GET /metrics');
  return { hook, port: server.port, close: () => server.close() };
}
