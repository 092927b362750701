import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, runDemo, startPipeline, type DemoResult, type Pipeline } from '@wirehose/cli';
import { createLogger } from '@wirehose/logger';
import { createDeadLetters, createRedis } from '@wirehose/queue';
import type { StoryRecord } from '@wirehose/schemas';
import { deliveryKey, searchStories } from '@wirehose/sinks';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { DATABASE_URL, dropSchema, openPool, testSchema } from './pg.js';
import { freePort, startSubscriber, type Subscriber } from './subscriber.js';

const log = createLogger({ service: 'publish-test', level: 'silent' });
const SECRET = 'test-secret-0123456789abcdef';

const key = (r: Pick<StoryRecord, 'id' | 'version'>): string => `${r.id}:${r.version}`;

function command(name: string) {
  const found = COMMANDS.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} command`);
  return found;
}

/** Records of the seed story's three syndicated copies (or the story holding them). */
function isSeedStory(record: StoryRecord): boolean {
  return record.copies.some((c) => /venezuela-seeks-military-aid|maduro-letters|caracas-turns/.test(c.url));
}

describe('publishing the demo pipeline to a stream, NDJSON, PostgreSQL and webhooks', () => {
  const prefix = testPrefix('pub');
  const schema = testSchema();
  const redis = connect();
  const pool = openPool();
  let dir: string;
  let sinksFile: string;
  let flaky: Subscriber;
  let filtered: Subscriber;
  let downPort: number;
  let demo: DemoResult;
  const env = (): Record<string, string> => ({
    REDIS_URL,
    WIREHOSE_PREFIX: prefix,
    SINKS_FILE: sinksFile,
    DATABASE_URL,
    PG_SCHEMA: schema,
    NDJSON_PATH: join(dir, 'records.ndjson'),
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wirehose-publish-'));
    flaky = await startSubscriber({ secret: SECRET, failFirst: 3 });
    filtered = await startSubscriber({ secret: SECRET });
    downPort = await freePort();
    sinksFile = join(dir, 'sinks.yaml');
    await writeFile(
      sinksFile,
      `
sinks:
  - type: redis-stream
    name: stream
  - type: ndjson
  - type: postgres
    databaseUrl: ${DATABASE_URL}
    schema: ${schema}
  - type: webhook
    name: flaky
    url: ${flaky.url}
    secret: ${SECRET}
    allowPrivate: true
    retry: { attempts: 5, backoffMs: 20 }
  - type: webhook
    name: filtered
    url: ${filtered.url}
    secret: ${SECRET}
    allowPrivate: true
    filter: { eventTypes: [REQUEST], countries: [VEN] }
    retry: { attempts: 3, backoffMs: 20 }
  - type: webhook
    name: down
    url: http://127.0.0.1:${downPort}/hook
    secret: ${SECRET}
    allowPrivate: true
    retry: { attempts: 3, backoffMs: 20 }
  - type: webhook
    name: private
    url: http://127.0.0.1:${downPort}/never
    secret: ${SECRET}
`,
    );
    demo = await runDemo({
      redisUrl: REDIS_URL,
      prefix,
      outPath: join(dir, 'records.ndjson'),
      log,
      env: env(),
      print: () => {},
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([flaky.close(), filtered.close()]);
    await deletePrefix(redis, prefix);
    redis.disconnect();
    await dropSchema(pool, schema);
    await pool.end();
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes records to the stream, the NDJSON file and the PostgreSQL index', async () => {
    expect(demo.records.length).toBeGreaterThan(0);
    const streamed = await redis.xrange(`${prefix}:records`, '-', '+');
    expect(streamed.length).toBeGreaterThanOrEqual(demo.records.length);
    const lines = (await readFile(join(dir, 'records.ndjson'), 'utf8')).split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(demo.records.length);
    const { rows } = await pool.query<{ id: string; version: number; status: string }>(
      `SELECT id, version, status FROM "${schema}".stories ORDER BY id`,
    );
    // Live stories at their stored version; any other row is a story merged into one of them.
    expect(
      rows
        .filter((r) => r.status === 'active')
        .map(key)
        .sort(),
    ).toEqual(demo.records.map(key).sort());
    const live = new Set(demo.records.map((r) => r.id));
    expect(rows.filter((r) => !live.has(r.id)).every((r) => r.status === 'merged')).toBe(true);
  });

  it('delivers each record once, signed, to a subscriber that fails three times first', () => {
    const accepted = flaky.accepted();
    expect(accepted.length).toBeGreaterThanOrEqual(demo.records.length);
    expect(accepted.map((d) => d.idempotencyKey).sort()).toEqual(
      [...new Set(accepted.map((d) => d.idempotencyKey))].sort(),
    );
    for (const d of accepted) {
      expect(d.signatureOk).toBe(true);
      expect(d.idempotencyKey).toBe(deliveryKey(d.record));
    }
    // Every story's latest version arrived (earlier versions may have been superseded before delivery).
    const latest = new Map<string, number>();
    for (const d of accepted)
      latest.set(d.record.id, Math.max(latest.get(d.record.id) ?? 0, d.record.version));
    const live = new Set(demo.records.map((r) => r.id));
    expect(
      [...latest]
        .filter(([id]) => live.has(id))
        .map(([id, version]) => key({ id, version }))
        .sort(),
    ).toEqual(demo.records.map(key).sort());
    // Stories merged away got a last record that retires them.
    for (const d of accepted.filter(
      (a) => !live.has(a.record.id) && a.record.version === latest.get(a.record.id),
    ))
      expect(d.record.status).toBe('merged');
    // Each accepted delivery was attempted four times: three 503s, then a 2xx.
    for (const d of accepted) {
      expect(flaky.requests.filter((r) => r.idempotencyKey === d.idempotencyKey)).toHaveLength(4);
    }
  });

  it("delivers only the records that pass a subscriber's filter", () => {
    // Every list must match: an event of a listed type, and an actor from a listed country.
    const passes = (r: StoryRecord): boolean =>
      r.events.some((e) => e.type === 'REQUEST') &&
      r.events.some((e) => [e.source, e.speaker, ...e.targets].some((a) => a?.country === 'VEN'));
    const wanted = demo.records.filter(passes);
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.length).toBeLessThan(demo.records.length);
    const got = new Set(filtered.accepted().map((d) => d.record.id));
    for (const r of wanted) expect(got.has(r.id)).toBe(true);
    for (const d of filtered.accepted()) expect(passes(d.record)).toBe(true);
    expect(demo.records.filter((r) => !passes(r) && got.has(r.id))).toEqual([]);
  });

  it('refuses to post to a private address unless the sink allows it, without retrying', async () => {
    const deadLetters = createDeadLetters({ connection: redis, prefix });
    try {
      const refused = await deadLetters.list({ queue: 'publish-private', limit: 1000 });
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]?.error).toMatch(/refused/);
      expect(refused.every((e) => e.attemptsMade === 1)).toBe(true);
    } finally {
      await deadLetters.close();
    }
  });

  it('finds the seed story first when searching for its words', async () => {
    const hits = await searchStories(pool, { schema, query: 'military aid Russia China Iran' });
    expect(hits.length).toBeGreaterThan(0);
    const top = demo.records.find((r) => r.id === hits[0]?.id);
    expect(top && isSeedStory(top)).toBe(true);
    expect(hits[0]?.highlight).toMatch(/<b>/);
    const lines: string[] = [];
    const code = await command('search').run({
      args: ['military aid Russia'],
      flags: { country: 'VEN' },
      env: env(),
      log,
      print: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^1\. /);
    expect(lines[0]).toContain(top?.story.title ?? '(no title)');
  });

  it('dead-letters a subscriber that is down for the whole run, and replay delivers once it is back', async () => {
    const deadLetters = createDeadLetters({ connection: redis, prefix });
    let pipeline: Pipeline | undefined;
    let back: Subscriber | undefined;
    try {
      const dead = await deadLetters.list({ queue: 'publish-down', limit: 1000 });
      expect(dead.length).toBeGreaterThanOrEqual(demo.records.length);
      expect(dead.every((e) => e.attemptsMade === 3)).toBe(true);

      back = await startSubscriber({ secret: SECRET, port: downPort });
      pipeline = await startPipeline({
        redisUrl: REDIS_URL,
        prefix,
        log,
        services: ['publisher'],
        env: env(),
      });
      const lines: string[] = [];
      const code = await command('replay').run({
        args: [],
        flags: { since: '1970-01-01', sink: 'down' },
        env: env(),
        log,
        print: (l) => lines.push(l),
      });
      expect(code).toBe(0);
      expect(lines[0]).toBe(`queued ${demo.records.length} record(s) on publish-down for sink down`);
      await back.waitForAccepted(demo.records.length);
      expect(
        back
          .accepted()
          .map((d) => d.idempotencyKey)
          .sort(),
      ).toEqual(demo.records.map(deliveryKey).sort());
      expect(back.accepted().every((d) => d.signatureOk)).toBe(true);
      const replayed = back.accepted().length;

      // Retrying the dead letters as well delivers nothing twice.
      const retried = await deadLetters.retry('all');
      expect(retried.some((r) => r.queue === 'publish-down')).toBe(true);
      const queue = createRedis(REDIS_URL);
      try {
        const { waitForIdle } = await import('@wirehose/queue');
        await waitForIdle(
          { connection: queue, prefix },
          { extra: ['publish-down', 'publish-flaky', 'publish-private'], settleMs: 300 },
        );
      } finally {
        queue.disconnect();
      }
      // Live stories are not delivered again; only records replay does not send (a merged-away story's
      // retiring record) arrive, each once.
      const keys = back.accepted().map((d) => d.idempotencyKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(
        back
          .accepted()
          .slice(replayed)
          .every((d) => d.record.status === 'merged'),
      ).toBe(true);
    } finally {
      await pipeline?.close();
      await back?.close();
      await deadLetters.close();
    }
  });
});
