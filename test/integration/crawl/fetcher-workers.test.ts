import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { loadConfig } from '@wirehose/config';
import { createLogger } from '@wirehose/logger';
import { createProducer, extractQueue, fetchQueue, type RunningService, queueOptions } from '@wirehose/queue';
import { createStageDeps } from '@wirehose/runtime';
import { FetcherEnvSchema, startFetcher } from '@wirehose/svc-fetcher';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { reply, startTestServer, type TestServer } from './test-server.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const log = createLogger({ service: 'fetcher-test', level: 'silent' });
const article = (title: string): string =>
  `<html><head><title>${title}</title></head><body><article><p>${title} text</p></article></body></html>`;

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A fetcher service in a child process (its own connections), as `services/fetcher/src/main.ts` runs it. */
function startFetcherProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/fetcher/src/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('"msg":"started"')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`fetcher process exited ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('crawl-delay shared by two fetcher processes', () => {
  const prefix = testPrefix('polite');
  const redis = connect();
  let server: TestServer;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      '/robots.txt': reply(200, 'User-agent: *\nCrawl-delay: 1\n', { 'content-type': 'text/plain' }),
    });
    for (let i = 0; i < 6; i += 1) server.route(`/art/${i}`, reply(200, article(`Article ${i}`)));
  });

  afterAll(async () => {
    await Promise.all(children.map(stop));
    await server.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('spaces requests to one host by the Crawl-delay, whichever process sends them', async () => {
    const common = {
      REDIS_URL,
      WIREHOSE_PREFIX: prefix,
      LOG_LEVEL: 'info',
      FETCH_ALLOW_HOSTS: '127.0.0.1',
      FETCH_HOST_MIN_DELAY_MS: '100',
      FETCHER_CONCURRENCY: '2',
    };
    children.push(
      ...(await Promise.all([
        startFetcherProcess({ ...common, FETCH_USER_AGENT: 'wirehose-a/1.0 (+https://example.org)' }),
        startFetcherProcess({ ...common, FETCH_USER_AGENT: 'wirehose-b/1.0 (+https://example.org)' }),
      ])),
    );
    const fetches = createProducer(fetchQueue, { connection: redis, prefix });
    for (let i = 0; i < 6; i += 1) await fetches.add({ url: `${server.base}/art/${i}`, via: 'ingest' });
    await fetches.close();
    const extracts = new Queue(
      extractQueue.name,
      queueOptions({ connection: redis, prefix }, extractQueue.name),
    );
    await until(async () => (await extracts.getWaitingCount()) === 6);
    await extracts.close();

    const hits = server.requests.filter((r) => r.path.startsWith('/art/')).sort((a, b) => a.at - b.at);
    expect(hits).toHaveLength(6);
    const gaps = hits.slice(1).map((h, i) => h.at - (hits[i]?.at ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(990);
    // Which process takes which job is up to the queue (one may take them all on a busy machine); the
    // spacing above must hold whichever does.
    const agents = new Set(hits.map((h) => String(h.headers['user-agent']).split('/')[0]));
    for (const agent of agents) expect(['wirehose-a', 'wirehose-b']).toContain(agent);
    // robots.txt is read once for both processes (cached in Redis).
    expect(server.hits('/robots.txt')).toHaveLength(1);
  }, 60_000);
});

describe('fetch jobs: retry rules', () => {
  const prefix = testPrefix('retry');
  const redis = connect();
  let server: TestServer;
  let service: RunningService;
  let deps: ReturnType<typeof createStageDeps>;
  let limitedCalls = 0;

  beforeAll(async () => {
    server = await startTestServer({
      '/robots.txt': reply(404, ''),
      '/limited': (req, res) => {
        limitedCalls += 1;
        if (limitedCalls === 1) reply(429, 'slow down', { 'retry-after': '1' })(req, res, '');
        else reply(200, article('Finally'))(req, res, '');
      },
      '/gone': reply(410, 'gone'),
      '/canonical': reply(
        200,
        `<html><head><link rel="canonical" href="/story/42?utm_medium=x"></head><body>x</body></html>`,
      ),
    });
    deps = createStageDeps({ redisUrl: REDIS_URL, prefix, log });
    service = startFetcher(
      deps,
      loadConfig(FetcherEnvSchema, { FETCH_ALLOW_HOSTS: '127.0.0.1', FETCH_HOST_MIN_DELAY_MS: '0' }),
    );
  });

  afterAll(async () => {
    await service.close();
    await deps.close();
    await server.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('waits out a 429 Retry-After as a delayed job, without spending an attempt on it', async () => {
    const fetches = createProducer(fetchQueue, { connection: redis, prefix });
    const id = await fetches.add({ url: `${server.base}/limited`, via: 'ingest' }, { jobId: 'limited-1' });
    await fetches.close();
    const queue = new Queue(fetchQueue.name, queueOptions({ connection: redis, prefix }, fetchQueue.name));
    await until(async () => (await queue.getJob(id))?.finishedOn !== undefined);
    const job = await queue.getJob(id);
    await queue.close();
    // One attempt made (the successful one): the Retry-After deferral did not count as an attempt.
    expect(job?.attemptsMade).toBe(1);
    expect(job?.attemptsStarted).toBe(2);
    expect(job?.failedReason ?? null).toBeNull();
    const hits = server.hits('/limited');
    expect(hits).toHaveLength(2);
    expect((hits[1]?.at ?? 0) - (hits[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('fails a 410 for good, with the reason in the dead-letter queue, after one request', async () => {
    const fetches = createProducer(fetchQueue, { connection: redis, prefix });
    await fetches.add({ url: `${server.base}/gone`, via: 'ingest' });
    await fetches.add({ url: 'http://169.254.169.254/latest/meta-data', via: 'ingest' });
    await fetches.close();
    await until(async () => (await deps.deadLetters.count()) >= 2);
    const letters = await deps.deadLetters.list();
    const gone = letters.find((l) => l.error.includes('/gone'));
    expect(gone?.error).toMatch(/^status: GET .*\/gone answered 410$/);
    expect(gone?.attemptsMade).toBe(1);
    expect(server.hits('/gone')).toHaveLength(1);
    const ssrf = letters.find((l) => l.error.includes('169.254.169.254'));
    expect(ssrf?.error).toMatch(/^blocked: .*linkLocal address 169\.254\.169\.254/);
  });

  it("marks a page's rel=canonical identity as seen", async () => {
    const fetches = createProducer(fetchQueue, { connection: redis, prefix });
    await fetches.add({ url: `${server.base}/canonical`, via: 'ingest' });
    await fetches.close();
    const { createSeenSet } = await import('@wirehose/svc-fetcher');
    const seen = createSeenSet(redis, prefix, 60);
    await until(async () => (await redis.exists(seen.keyOf(`${server.base}/story/42`))) === 1);
    expect(await seen.claim([{ url: `${server.base}/story/42`, version: '' }])).toEqual([false]);
  });
});
