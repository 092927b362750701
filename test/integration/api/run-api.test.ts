import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { API_KEY } from './harness.js';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';

describe('wirehose run api', () => {
  const prefix = testPrefix('run-api');
  const redis = connect();

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('serves the API from the CLI and stops cleanly on SIGTERM', async () => {
    const child = spawn('node', ['bin/wirehose.mjs', 'run', 'api'], {
      env: {
        ...process.env,
        REDIS_URL,
        WIREHOSE_PREFIX: prefix,
        LOG_LEVEL: 'info',
        API_PORT: '0',
        API_HOST: '127.0.0.1',
        API_KEYS: `ops:${API_KEY}`,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr.setEncoding('utf8');
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`wirehose run api exited with ${code}:\n${log}`)));
      child.stderr.on('data', (chunk: string) => {
        log += chunk;
        const match = /"port":(\d+),"host":"127\.0\.0\.1".*"msg":"api listening"/.exec(log);
        if (match?.[1] && log.includes('running; SIGTERM or Ctrl-C stops')) resolve(Number(match[1]));
      });
    });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const story = await fetch(`http://127.0.0.1:${port}/v1/stories/none`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    expect(story.status).toBe(404);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(log).toContain('"msg":"shutdown complete"');
    expect(log).not.toContain(API_KEY);
  });
});
