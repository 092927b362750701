import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createLogger, type Logger } from '@wirehose/logger';
import { STAGE_QUEUES, queueOptions } from '@wirehose/queue';
import type { StoryRecord } from '@wirehose/schemas';
import type { SearchHit, SearchOptions } from '@wirehose/sinks';
import { buildApp, type ApiOptions } from '@wirehose/svc-api';
import { connect, deletePrefix, testPrefix } from '../../support/redis.js';

type ApiApp = Awaited<ReturnType<typeof buildApp>>;

export const API_KEY = 'ops-key-0123456789abcdef';
export const HMAC_SECRET = 'partner-secret-0123456789abcdef';

export function apiOptions(overrides: Partial<ApiOptions> = {}): ApiOptions {
  return {
    apiKeys: new Map([['ops', API_KEY]]),
    hmacSecrets: new Map([['partner', HMAC_SECRET]]),
    toleranceSeconds: 300,
    bodyLimitBytes: 64 * 1024,
    maxItems: 5,
    rateLimit: { max: 1000, windowSeconds: 60 },
    idempotencyTtlSeconds: 3600,
    urlPolicy: { allowHosts: ['127.0.0.1'] },
    websub: null,
    recentRecords: 100,
    sinkQueues: ['publish-redis-stream', 'publish-archive'],
    ...overrides,
  };
}

export interface Harness {
  prefix: string;
  redis: Redis;
  app: ApiApp;
  /** Jobs waiting (or prioritized) per stage queue. */
  queued(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** An API on a fresh key prefix with real Redis; close() removes every key under the prefix. */
export async function startHarness(
  options: ApiOptions = apiOptions(),
  search: ((opts: SearchOptions) => Promise<SearchHit[]>) | null = null,
  log: Logger = createLogger({ service: 'api-test', level: 'silent' }),
): Promise<Harness> {
  const prefix = testPrefix('api');
  const redis = connect();
  const queueConn = connect();
  const app = await buildApp({
    redis,
    queues: { connection: queueConn, prefix },
    prefix,
    log,
    options,
    search,
  });
  await app.ready();
  return {
    prefix,
    redis,
    app,
    async queued() {
      const counts: Record<string, number> = {};
      for (const def of STAGE_QUEUES) {
        const q = new Queue(def.name, queueOptions({ connection: redis, prefix }, def.name));
        const c = await q.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
        counts[def.name] = (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0) + (c.active ?? 0);
        await q.close();
      }
      return counts;
    },
    async close() {
      await app.close();
      await deletePrefix(redis, prefix);
      redis.disconnect();
      queueConn.disconnect();
    },
  };
}

export const NOTHING_QUEUED = Object.fromEntries(STAGE_QUEUES.map((q) => [q.name, 0]));

export interface TestServer {
  baseUrl: string;
  requests: { method: string; url: string; body: string }[];
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 port 0 answering with `handle`, recording each request. */
export async function startServer(
  handle: (req: IncomingMessage, body: string, res: ServerResponse) => void | Promise<void>,
): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', body });
      Promise.resolve(handle(req, body, res)).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A minimal valid published record of one copy. */
export function sampleRecord(id: string, title = 'A story', text = 'Some text here'): StoryRecord {
  const copy = {
    articleId: 'a1',
    url: 'https://example.org/a',
    canonicalUrl: 'https://example.org/a',
    source: 'Example',
    sourceName: null,
    fetchedAt: '2026-11-20T10:00:00.000Z',
    title,
    authors: [],
    publishedAt: null,
    modifiedAt: null,
    language: 'en',
    siteName: null,
    image: null,
    section: null,
    tags: [],
    wordCount: 3,
    isPaywalled: false,
    isTruncated: false,
    attribution: null,
    matchedBy: 'first' as const,
    similarity: 1,
  };
  return {
    $schema: 'https://wirehose.dev/schemas/record/v1.json',
    schema: 'wirehose.record/v1',
    id,
    version: 2,
    contentHash: 'abc',
    publishedAt: '2026-11-20T10:05:00.000Z',
    status: 'active',
    mergedInto: null,
    story: {
      title,
      text,
      url: 'https://example.org/a',
      language: 'en',
      firstPublishedAt: null,
      bestCopyId: 'a1',
      original: { source: 'Example', basis: 'earliest', articleId: 'a1' },
      attributionChain: [],
      copyCount: 1,
      outlets: ['Example'],
      mergedFrom: [],
    },
    copies: [copy],
    events: [],
  };
}
