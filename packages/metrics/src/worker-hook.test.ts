import { describe, expect, it } from 'vitest';
import { createJobMetrics, createMetricsRegistry } from './registry.js';
import { createWorkerMetricsHook, statusClass } from './worker-hook.js';

describe('createWorkerMetricsHook', () => {
  it('counts completed, retried and failed jobs per queue with their latency', async () => {
    const registry = createMetricsRegistry({ processMetrics: false });
    const hook = createWorkerMetricsHook(createJobMetrics(registry));
    hook.completed('fetch', 120, { status: 200, bytes: 10 });
    hook.completed('fetch', 80, { status: 304, bytes: 0 });
    hook.failed('fetch', 30, Object.assign(new Error('gone'), { status: 410 }), true);
    hook.failed('extract', 5, new Error('later'), false);
    hook.completed('dedup', 3, { status: 'new-copy', copies: 2 });
    hook.completed('extract-events', 9, { events: 3 });
    const text = await registry.metrics();
    expect(text).toContain('wirehose_jobs_completed_total{queue="fetch"} 2');
    expect(text).toContain('wirehose_jobs_failed_total{queue="fetch"} 1');
    expect(text).toContain('wirehose_jobs_retried_total{queue="extract"} 1');
    expect(text).toContain('wirehose_fetch_outcomes_total{status_class="2xx"} 1');
    expect(text).toContain('wirehose_fetch_outcomes_total{status_class="3xx"} 1');
    expect(text).toContain('wirehose_fetch_outcomes_total{status_class="4xx"} 1');
    expect(text).toContain('wirehose_dedup_outcomes_total{status="new-copy"} 1');
    expect(text).toContain('wirehose_events_coded_total 3');
    expect(text).toContain('wirehose_stage_duration_seconds_count{queue="fetch",outcome="completed"} 2');
    expect(text).toContain(
      'wirehose_stage_duration_seconds_bucket{le="0.1",queue="fetch",outcome="completed"} 1',
    );
  });

  it('classes statuses by hundreds and anything else as error', () => {
    expect(statusClass(503)).toBe('5xx');
    expect(statusClass(null)).toBe('error');
    expect(statusClass(42)).toBe('error');
  });
});
