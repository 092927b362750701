import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';

describe('wirehose run', () => {
  const prefix = testPrefix('run');
  const redis = connect();

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops cleanly on ${signal} and exits 0`, async () => {
      const child = spawn(
        'node',
        ['bin/wirehose.mjs', 'run', 'fetcher', 'extractor', 'dedup', 'events', 'publisher'],
        {
          env: { ...process.env, REDIS_URL, WIREHOSE_PREFIX: prefix, LOG_LEVEL: 'info', NDJSON_PATH: '' },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let log = '';
      child.stderr.setEncoding('utf8');
      const running = new Promise<void>((resolve) => {
        child.stderr.on('data', (chunk: string) => {
          log += chunk;
          if (log.includes('running; SIGTERM or Ctrl-C stops')) resolve();
        });
      });
      await running;
      child.kill(signal);
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code, log.slice(-2000)).toBe(0);
      expect(log).toContain('"msg":"shutdown complete"');
    }, 120_000);
  }
});
