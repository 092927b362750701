import { describe, expect, it } from 'vitest';
import { Counter } from 'prom-client';
import { createLogger } from '@wirehose/logger';
import { createMetricsRegistry } from './registry.js';
import { startMetricsServer } from './metrics-server.js';

describe('startMetricsServer', () => {
  it('serves the registry on /metrics and 404 elsewhere', async () => {
    const registry = createMetricsRegistry();
    new Counter({ name: 'wirehose_test_total', help: 'test', registers: [registry] }).inc(4);
    const server = await startMetricsServer({
      registry,
      port: 0,
      host: '127.0.0.1',
      log: createLogger({ service: 'test', level: 'silent' }),
    });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('wirehose_test_total 4');
      expect(text).toContain('wirehose_process_cpu_user_seconds_total');
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
