import { Counter, type Registry } from 'prom-client';

/** The API's own counters, next to the pipeline gauges in its registry. */
export function createApiMetrics(registry: Registry) {
  return {
    requests: new Counter({
      name: 'wirehose_api_requests_total',
      help: 'API requests by route and status code.',
      labelNames: ['route', 'status'] as const,
      registers: [registry],
    }),
    items: new Counter({
      name: 'wirehose_ingest_items_total',
      help: 'Submitted items by how they came (ingest, websub), kind (url, html, article) and outcome.',
      labelNames: ['via', 'kind', 'outcome'] as const,
      registers: [registry],
    }),
  };
}
export type ApiMetrics = ReturnType<typeof createApiMetrics>;
