import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { access, constants } from 'node:fs/promises';
import { Redis } from 'ioredis';

/** No redis-server on PATH; the message says how to install one. */
export class RedisNotFoundError extends Error {
  override readonly name = 'RedisNotFoundError';
  constructor() {
    super(
      [
        'REDIS_URL is not set and no redis-server was found on PATH.',
        'Either point REDIS_URL at a Redis 6.2+ server, or install one:',
        '  Debian/Ubuntu:  sudo apt-get install -y redis-server',
        '  macOS:          brew install redis',
        '  Docker:         docker run -d --name wirehose-redis -p 6379:6379 redis:7-alpine',
        '                  then: export REDIS_URL=redis://127.0.0.1:6379',
      ].join('\n'),
    );
  }
}

export interface RedisHandle {
  url: string;
  /** True when this process started the server (and will stop it). */
  isPrivate: boolean;
  stop(): Promise<void>;
}

async function findOnPath(binary: string, path = process.env['PATH'] ?? ''): Promise<string | null> {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, binary);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`redis-server exited with code ${child.exitCode} before answering`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      client.disconnect();
    }
    if (Date.now() > deadline) throw new Error(`redis-server did not answer PING within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Use `REDIS_URL` when set; otherwise start a private redis-server from PATH on a free loopback port with
 * a temporary data directory (nothing persisted), and stop it on `stop()`.
 */
export async function ensureRedis(redisUrl: string | undefined): Promise<RedisHandle> {
  if (redisUrl) return { url: redisUrl, isPrivate: false, stop: async () => {} };
  const binary = await findOnPath('redis-server');
  if (!binary) throw new RedisNotFoundError();
  const dir = await mkdtemp(join(tmpdir(), 'wirehose-redis-'));
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitForPing(url, child, 10_000);
  } catch (err) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    isPrivate: true,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
