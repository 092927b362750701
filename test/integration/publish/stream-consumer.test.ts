import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '@wirehose/cli';
import { createLogger } from '@wirehose/logger';
import {
  consumeStream,
  createRedisStreamSink,
  readStreamRecords,
  type StreamDelivery,
} from '@wirehose/sinks';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { makeRecord } from './fixtures.js';

const log = createLogger({ service: 'publish-test', level: 'silent' });

describe('the records stream and its consumer groups', () => {
  const prefix = testPrefix('pub');
  const stream = `${prefix}:records`;
  const redis = connect();
  const sink = createRedisStreamSink({ redis, stream, maxLen: 1_000 });

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('adds each version once and records the schema URL with it', async () => {
    const outcomes = [];
    for (const r of [
      makeRecord({ id: 's1', version: 1 }),
      makeRecord({ id: 's1', version: 1 }),
      makeRecord({ id: 's1', version: 2 }),
    ])
      outcomes.push(await sink.write(r));
    expect(outcomes).toEqual(['written', 'skipped', 'written']);
    const entries = await redis.xrange(stream, '-', '+');
    expect(entries).toHaveLength(2);
    expect(entries[0]?.[1]).toContain('https://wirehose.dev/schemas/record/v1.json');
  });

  it('re-handles its own unacknowledged entries after a crash, then reads new ones', async () => {
    for (const id of ['s2', 's3', 's4']) await sink.write(makeRecord({ id }));
    const consumerRedis = connect();
    const seen: StreamDelivery[] = [];
    try {
      // First run: the handler crashes on the third entry; the first two are acknowledged.
      await expect(
        consumeStream({
          redis: consumerRedis,
          stream,
          group: 'g1',
          consumer: 'c1',
          blockMs: 100,
          stopWhenIdle: true,
          handle(d) {
            if (seen.length === 2) throw new Error('consumer crashed');
            seen.push(d);
          },
        }),
      ).rejects.toThrow('consumer crashed');
      // The rest of the batch was delivered to c1 but not acknowledged.
      const pending = (await redis.xpending(stream, 'g1')) as [number, ...unknown[]];
      expect(pending[0]).toBe(3);
      const again: StreamDelivery[] = [];
      const { handled } = await consumeStream({
        redis: consumerRedis,
        stream,
        group: 'g1',
        consumer: 'c1',
        blockMs: 100,
        stopWhenIdle: true,
        handle(d) {
          again.push(d);
        },
      });
      expect(handled).toBe(3);
      expect(again.map((d) => d.via)).toEqual(['pending', 'pending', 'pending']);
      expect(again.map((d) => `${d.record?.id}@${d.record?.version}`)).toEqual(['s2@1', 's3@1', 's4@1']);
      expect(((await redis.xpending(stream, 'g1')) as [number])[0]).toBe(0);
    } finally {
      consumerRedis.disconnect();
    }
  });

  it('claims entries another consumer left pending too long', async () => {
    const a = connect();
    const b = connect();
    try {
      // Consumer a reads everything and dies without acknowledging.
      await a.xgroup('CREATE', stream, 'g2', '0');
      const read = (await a.xreadgroup('GROUP', 'g2', 'a', 'COUNT', 100, 'STREAMS', stream, '>')) as [
        string,
        unknown[],
      ][];
      const taken = read[0]?.[1].length ?? 0;
      expect(taken).toBeGreaterThan(0);
      // Claiming is for entries idle at least claimIdleMs: let a's entries age past it first, or a
      // consumer starting in the same millisecond finds nothing to claim.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const claimed: StreamDelivery[] = [];
      await consumeStream({
        redis: b,
        stream,
        group: 'g2',
        consumer: 'b',
        blockMs: 100,
        claimIdleMs: 20,
        stopWhenIdle: true,
        handle(d) {
          claimed.push(d);
        },
      });
      expect(claimed).toHaveLength(taken);
      expect(claimed.every((d) => d.via === 'claimed')).toBe(true);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it('`wirehose consume` prints each record and acknowledges it', async () => {
    const lines: string[] = [];
    const consume = COMMANDS.find((c) => c.name === 'consume');
    const code = await consume?.run({
      args: [],
      flags: { group: 'cli', consumer: 'one', 'until-idle': true },
      env: { REDIS_URL, WIREHOSE_PREFIX: prefix },
      log,
      print: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    const total = await redis.xlen(stream);
    expect(lines).toHaveLength(total);
    expect(lines[0]).toMatch(/^\d+-\d+\ts1\tv1\tnew\t/);
    expect(((await redis.xpending(stream, 'cli')) as [number])[0]).toBe(0);
  });

  it('reads every record of the stream for a backfill', async () => {
    const records = [];
    for await (const r of readStreamRecords(redis, stream, { pageSize: 2 }))
      records.push(`${r.id}@${r.version}`);
    expect(records).toEqual(['s1@1', 's1@2', 's2@1', 's3@1', 's4@1']);
  });
});
