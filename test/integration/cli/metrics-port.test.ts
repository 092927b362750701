import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('worker metrics', () => {
  const prefix = testPrefix('metrics');
  const redis = connect();

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('serves Prometheus metrics on METRICS_PORT while services run', async () => {
    const port = await freePort();
    const child = spawn('node', ['bin/wirehose.mjs', 'run', 'extractor'], {
      env: {
        ...process.env,
        REDIS_URL,
        WIREHOSE_PREFIX: prefix,
        LOG_LEVEL: 'info',
        METRICS_PORT: String(port),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr.setEncoding('utf8');
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: string) => {
        log += chunk;
        if (log.includes('running; SIGTERM or Ctrl-C stops')) resolve();
      });
    });
    try {
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toContain('# TYPE wirehose_jobs_completed_total counter');
      expect(body).toContain('wirehose_stage_duration_seconds');
    } finally {
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    }
  }, 120_000);
});
