import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, parseRedisUrl } from '@wirehose/queue';
import {
  deletePrefixEverywhere,
  latestVersions,
  runPipeline,
  SINGLE_URL,
  stories,
  versions,
  type PipelineRun,
} from './support.js';

/** Set by scripts/test-sentinel.sh, which starts the primary, the replica and the Sentinels. */
const SENTINEL_URL = process.env['SENTINEL_REDIS_URL'];
const PRIMARY_PIDFILE = process.env['SENTINEL_PRIMARY_PIDFILE'];
const REPLICA_PORT = process.env['SENTINEL_REPLICA_PORT'];

/** Some job done and some still to do: the pipeline is mid-run. */
function isMidRun(progress: string): boolean {
  const stages = [...progress.matchAll(/(\d+)\/(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  return stages.some(([done]) => done > 0) && stages.some(([done, total]) => done < total);
}

describe.skipIf(!SENTINEL_URL || !PRIMARY_PIDFILE || !REPLICA_PORT)(
  'the whole pipeline through Sentinel, with the primary killed mid-run',
  () => {
    const prefix = `sentinel-${randomUUID().slice(0, 8)}`;
    const peerPrefix = `sentinel-peer-${randomUUID().slice(0, 8)}`;
    const single = createRedis(SINGLE_URL, 'worker');
    let dir: string;
    let run: PipelineRun;
    let onSingle: PipelineRun;
    let killedAt: string | null = null;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'wirehose-sentinel-'));
      const pid = Number((await readFile(PRIMARY_PIDFILE ?? '', 'utf8')).trim());
      run = await runPipeline(SENTINEL_URL ?? '', prefix, join(dir, 'sentinel.ndjson'), (line) => {
        if (killedAt === null && line.startsWith('progress:') && isMidRun(line)) {
          killedAt = line;
          process.kill(pid, 'SIGKILL');
        }
      });
      onSingle = await runPipeline(SINGLE_URL, peerPrefix, join(dir, 'single.ndjson'));
    }, 600_000);

    afterAll(async () => {
      const redis = createRedis(SENTINEL_URL ?? '', 'worker');
      await deletePrefixEverywhere(redis, prefix);
      redis.disconnect();
      await deletePrefixEverywhere(single, peerPrefix);
      single.disconnect();
      await rm(dir, { recursive: true, force: true });
    });

    it('killed the primary while jobs were still waiting', () => {
      expect(killedAt, 'the pipeline finished before any progress line showed it mid-run').not.toBeNull();
    });

    it('finished on the promoted replica', async () => {
      const target = parseRedisUrl(SENTINEL_URL ?? '');
      if (target.kind !== 'sentinel') throw new Error(`${SENTINEL_URL} is not a redis-sentinel:// URL`);
      const [first] = target.sentinels;
      const sentinel = new Redis({ host: first?.host, port: first?.port, maxRetriesPerRequest: 1 });
      try {
        const addr = (await sentinel.call('SENTINEL', 'get-master-addr-by-name', target.name)) as string[];
        expect(addr[1]).toBe(REPLICA_PORT);
      } finally {
        sentinel.disconnect();
      }
    });

    it('loses nothing: no dead letters, and the same stories, copies and events as on one server', () => {
      expect(run.deadLetters).toEqual([]);
      expect(run.records).toHaveLength(8);
      expect(stories(run.records)).toEqual(stories(onSingle.records));
    });

    it('publishes nothing twice: each record version once per sink, both sinks end on the same latest versions', () => {
      expect(new Set(versions(run.written)).size).toBe(run.written.length);
      expect(new Set(versions(run.streamed)).size).toBe(run.streamed.length);
      expect(latestVersions(run.written)).toEqual(latestVersions(run.streamed));
    });
  },
);
