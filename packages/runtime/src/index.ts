export { createStageDeps } from './stage-deps.js';
export type { WorkerMetricsHook } from './stage-deps.js';
export { runService } from './run-service.js';
export { RuntimeEnvSchema } from './runtime-env.js';
export type { RuntimeEnv } from './runtime-env.js';
export { startWorkerMetrics } from './worker-metrics.js';
export type { WorkerMetrics } from './worker-metrics.js';
