import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { access, constants } from 'node:fs/promises';
import { Redis } from 'ioredis';

/** No redis-server on PATH; the message says how to install one. */
export class RedisNotFoundError extends Error {
  override readonly name = 'RedisNotFoundError';
  /** The CLI's exit code for it. */
  readonly exitCode = 3;
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
 * Use `REDIS_URL` when set; otherwise start a private redis-server from PATH on a free loopback port, with
 * an append-only file (AOF, so a crash of the server loses no queued job) in a temporary directory, and
 * stop it on `stop()`. Whatever way the process exits without calling `stop()` (an error, `process.exit`,
 * a signal the CLI turns into an exit), the server is killed and its directory removed on the way out.
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
      'yes',
      '--dir',
      dir,
      '--daemonize',
      'no',
    ],
    // Its own process group: Ctrl-C in a terminal reaches only the CLI, which stops the pipeline first
    // and the server last.
    { stdio: 'ignore', detached: true },
  );
  const url = `redis://127.0.0.1:${port}`;
  // Synchronous, as 'exit' listeners must be: the last resort when stop() was not reached.
  const killOnExit = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', killOnExit);
  try {
    await waitForPing(url, child, 10_000);
  } catch (err) {
    process.off('exit', killOnExit);
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  let stopping: Promise<void> | undefined;
  return {
    url,
    isPrivate: true,
    stop() {
      stopping ??= stopServer();
      return stopping;
    },
  };

  async function stopServer(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
    process.off('exit', killOnExit);
  }
}
