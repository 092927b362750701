import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDemo } from '@wirehose/cli';
import { createLogger } from '@wirehose/logger';
import { deadLetterQueue, queueKey, STAGE_QUEUES } from '@wirehose/queue';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';

const log = createLogger({ service: 'reliability-test', level: 'silent' });

/** BullMQ's per-queue keys: one each (bounded by construction), or trimmed by BullMQ itself. */
const QUEUE_INTERNALS = new Set([
  'id',
  'meta',
  'stalled-check',
  'marker',
  'wait',
  'paused',
  'active',
  'prioritized',
  'pc',
  'delayed',
  'waiting-children',
  'stalled',
  'limiter',
  // Trimmed with the jobs they list (removeOnComplete / removeOnFail by count and age).
  'completed',
  'failed',
  // BullMQ caps each queue's event stream (MAXLEN ~ 10,000 by default).
  'events',
]);

/**
 * Families without a TTL that are bounded otherwise, and by what. Anything else without a TTL fails
 * the test: a key family that grows with the traffic and never goes away.
 */
const BOUNDED: readonly { family: RegExp; bound: string }[] = [
  { family: /^records$/, bound: 'records stream, XADD MAXLEN ~ RECORDS_STREAM_MAXLEN' },
  { family: /^record-index$/, bound: 'trimmed by publish time to the record TTL on every write' },
];

/** A job removes itself once completed and once failed (by age and count, or at once). */
function isJobBounded(opts: Record<string, unknown>): boolean {
  const bounded = (v: unknown): boolean =>
    v === true || typeof v === 'number' || (typeof v === 'object' && v !== null && 'count' in v);
  return bounded(opts['removeOnComplete']) && bounded(opts['removeOnFail']);
}

describe('every Redis key family after a pipeline run', () => {
  const prefix = testPrefix('rel-keys');
  const redis = connect();
  let dir = '';

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has a TTL or a bound, and no fetched HTML is left behind', async () => {
    dir = await mkdtemp(join(tmpdir(), 'wirehose-keys-'));
    await runDemo({
      redisUrl: REDIS_URL,
      prefix,
      outPath: join(dir, 'records.ndjson'),
      log,
      env: {},
      print: () => undefined,
    });
    const queues = new Set<string>([deadLetterQueue.name, ...STAGE_QUEUES.map((q) => q.name)]);
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    expect(keys.length).toBeGreaterThan(20);

    const unbounded = new Set<string>();
    const families = new Map<string, string>();
    for (const key of keys) {
      // Cluster hash tags (`{fetch}:`, `{records}`) place keys in slots; the family is what follows.
      const rest = key
        .slice(prefix.length + 1)
        .replace(/^\{[^}]*\}:/, '')
        .replace(/^\{([^}]*)\}$/, '$1');
      const [head = '', second = ''] = rest.split(':');
      const queue = queues.has(head) || head.startsWith('publish-') ? head : null;
      const family = queue ? `${queue}:${QUEUE_INTERNALS.has(second) ? second : '<job>'}` : head;
      if ((await redis.ttl(key)) > 0) {
        families.set(family, 'ttl');
        continue;
      }
      if (queue && QUEUE_INTERNALS.has(second)) {
        families.set(family, 'bullmq');
        continue;
      }
      if (queue) {
        // A job's hash (or one of its side keys): bounded when its options remove it when done.
        const raw = await redis.hget(queueKey(prefix, queue, second), 'opts');
        const opts = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        if (isJobBounded(opts)) families.set(family, 'job retention');
        else unbounded.add(`${family} (${second})`);
        continue;
      }
      const known = BOUNDED.find((b) => b.family.test(rest));
      if (known) families.set(family, known.bound);
      else unbounded.add(family);
    }
    expect([...unbounded]).toEqual([]);
    // The extractor deletes each page's HTML as soon as the article is handed on.
    expect(keys.filter((k) => k.startsWith(`${prefix}:html:`))).toEqual([]);
    // The run did create data of each kind checked above.
    for (const family of ['article', 'record', 'records', 'record-index', 'fetch:<job>', 'publish:<job>'])
      expect(families.has(family), family).toBe(true);
  }, 120_000);
});
