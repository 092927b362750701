import type { StageWorkerOptions } from '@wirehose/queue';
import type { JobMetrics } from './registry.js';

export type WorkerMetricsHook = NonNullable<StageWorkerOptions['metrics']>;

/** "2xx" for 204, "error" for anything that is not an HTTP status. */
export function statusClass(status: unknown): string {
  return typeof status === 'number' && status >= 100 && status < 600
    ? `${Math.floor(status / 100)}xx`
    : 'error';
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The hook `createStageWorker` calls after each attempt. Besides the per-queue counters and latency, it reads
 * the stage results it knows: a fetch's `status`, a dedup decision's `status`, the events stage's `events`
 * count. A failed fetch counts under the status its error carries, else "error".
 */
export function createWorkerMetricsHook(metrics: JobMetrics): WorkerMetricsHook {
  return {
    completed(queue, durationMs, result) {
      metrics.completed.inc({ queue });
      metrics.latency.observe({ queue, outcome: 'completed' }, durationMs / 1000);
      if (queue === 'fetch')
        metrics.fetchOutcomes.inc({ status_class: statusClass(field(result, 'status')) });
      if (queue === 'dedup') {
        const status = field(result, 'status');
        if (typeof status === 'string') metrics.dedupOutcomes.inc({ status });
      }
      if (queue === 'extract-events') {
        const events = field(result, 'events');
        if (typeof events === 'number' && events > 0) metrics.eventsCoded.inc(events);
      }
    },
    failed(queue, durationMs, err, final) {
      (final ? metrics.failed : metrics.retried).inc({ queue });
      metrics.latency.observe({ queue, outcome: final ? 'failed' : 'retried' }, durationMs / 1000);
      if (queue === 'fetch') metrics.fetchOutcomes.inc({ status_class: statusClass(field(err, 'status')) });
    },
  };
}
