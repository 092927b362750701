import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds buckets for stage latency: 5 ms to 2 min. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/**
 * The job metrics every process that runs stage workers exposes. One set per registry: build it once per
 * process and pass it down (no global registry).
 */
export function createJobMetrics(registry: Registry) {
  return {
    completed: new Counter({
      name: 'wirehose_jobs_completed_total',
      help: 'Jobs that completed, per queue.',
      labelNames: ['queue'] as const,
      registers: [registry],
    }),
    failed: new Counter({
      name: 'wirehose_jobs_failed_total',
      help: 'Jobs that failed their last attempt (sent to the dead-letter queue), per queue.',
      labelNames: ['queue'] as const,
      registers: [registry],
    }),
    retried: new Counter({
      name: 'wirehose_jobs_retried_total',
      help: 'Job attempts that failed and will be retried, per queue.',
      labelNames: ['queue'] as const,
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'wirehose_stage_duration_seconds',
      help: 'Time one job attempt took in its stage, per queue and outcome.',
      labelNames: ['queue', 'outcome'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    fetchOutcomes: new Counter({
      name: 'wirehose_fetch_outcomes_total',
      help: 'Article fetches by HTTP status class (2xx, 3xx, 4xx, 5xx) or "error" when no status came back.',
      labelNames: ['status_class'] as const,
      registers: [registry],
    }),
    dedupOutcomes: new Counter({
      name: 'wirehose_dedup_outcomes_total',
      help: 'Dedup decisions: new-story (a story was created) or new-copy (a copy joined a story), and others.',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    eventsCoded: new Counter({
      name: 'wirehose_events_coded_total',
      help: 'Events coded by the events stage (one per story event).',
      registers: [registry],
    }),
  };
}
export type JobMetrics = ReturnType<typeof createJobMetrics>;

/** A registry of its own (no global state), with Node process metrics (CPU, memory, event loop) unless off. */
export function createMetricsRegistry({
  processMetrics = true,
}: { processMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry, prefix: 'wirehose_' });
  return registry;
}
