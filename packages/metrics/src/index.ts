export { createMetricsRegistry, createJobMetrics, LATENCY_BUCKETS } from './registry.js';
export type { JobMetrics } from './registry.js';
export { createWorkerMetricsHook, statusClass } from './worker-hook.js';
export type { WorkerMetricsHook } from './worker-hook.js';
export { registerPipelineCollectors } from './pipeline-collectors.js';
export type { PipelineCollectorOptions } from './pipeline-collectors.js';
export { startMetricsServer } from './metrics-server.js';
export type { MetricsServer } from './metrics-server.js';
