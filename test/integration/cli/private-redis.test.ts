import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { ensureRedis, RedisNotFoundError } from '@wirehose/cli';

describe('ensureRedis', () => {
  it('uses REDIS_URL as given and starts nothing', async () => {
    const handle = await ensureRedis('redis://127.0.0.1:6379');
    expect(handle).toMatchObject({ url: 'redis://127.0.0.1:6379', isPrivate: false });
    await handle.stop();
  });

  it('starts a private redis-server with AOF on a free loopback port and stops it', async () => {
    const handle = await ensureRedis(undefined);
    expect(handle.isPrivate).toBe(true);
    expect(handle.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(handle.url).not.toBe('redis://127.0.0.1:6379');
    const client = new Redis(handle.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    expect(await client.ping()).toBe('PONG');
    // AOF, so a crash of the server loses no job the pipeline was given (issue 19).
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    client.disconnect();
    await handle.stop();
    const after = new Redis(handle.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    after.on('error', () => {});
    await expect(after.connect()).rejects.toThrow();
    after.disconnect();
  });

  it('says how to install Redis when none is on PATH', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      const err = await ensureRedis(undefined).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RedisNotFoundError);
      const message = (err as Error).message;
      expect(message).toContain('apt-get install -y redis-server');
      expect(message).toContain('brew install redis');
      expect(message).toContain('docker run');
    } finally {
      process.env['PATH'] = path;
    }
  });
});
