import { readFile } from 'node:fs/promises';
import type { Cluster } from 'ioredis';
import { runDemo } from '@wirehose/cli';
import { createLogger } from '@wirehose/logger';
import { createDeadLetters, createRedis, type Redis } from '@wirehose/queue';
import type { StoryRecord } from '@wirehose/schemas';

/** The Redis the single-server peer run uses (the suite's usual one). */
export const SINGLE_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const log = createLogger({ service: 'cluster-e2e', level: 'silent' });

function isCluster(redis: Redis): boolean {
  return (redis as unknown as { isCluster?: boolean }).isCluster === true;
}

/** The primaries holding keys: each node of a cluster, or the one server. */
export function primaries(redis: Redis): Redis[] {
  return isCluster(redis) ? (redis as unknown as Cluster).nodes('master') : [redis];
}

/**
 * Delete every key under `prefix` on every primary. One key per UNLINK: on a cluster, keys of
 * different slots cannot go in one command even on the same node.
 */
export async function deletePrefixEverywhere(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  for (const node of primaries(redis)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scanBuffer(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next.toString();
      const counts = await Promise.all(keys.map((k) => node.unlink(k)));
      deleted += counts.reduce((a, b) => a + b, 0);
    } while (cursor !== '0');
  }
  return deleted;
}

/** Keys under `prefix` per primary (to show that a cluster run spread its keys). */
export async function keysPerPrimary(redis: Redis, prefix: string): Promise<number[]> {
  return Promise.all(
    primaries(redis).map(async (node) => {
      let cursor = '0';
      let n = 0;
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        n += keys.length;
      } while (cursor !== '0');
      return n;
    }),
  );
}

export interface PipelineRun {
  /** Live stories at the end (from the record store). */
  records: StoryRecord[];
  /** Every record version the NDJSON sink wrote, in order. */
  written: StoryRecord[];
  /** Every record version the Redis Stream sink added, in order. */
  streamed: StoryRecord[];
  /** Jobs that failed for good: `<queue>: <error>`. */
  deadLetters: string[];
}

/**
 * Run the demo pipeline (every stage, the bundled sample site) on the Redis at `url`, and read back
 * what it published. `onProgress` sees each progress line (e.g. to break something mid-run).
 */
export async function runPipeline(
  url: string,
  prefix: string,
  outPath: string,
  onProgress: (line: string) => void = () => {},
): Promise<PipelineRun> {
  const result = await runDemo({
    redisUrl: url,
    prefix,
    outPath,
    log,
    env: {},
    print: onProgress,
    timeoutMs: 240_000,
  });
  const text = await readFile(outPath, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  const written = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as StoryRecord);
  const redis = createRedis(url, 'worker');
  const dead = createDeadLetters({ connection: redis, prefix });
  try {
    const deadLetters = (await dead.list({ limit: 1000 })).map((d) => `${d.queue}: ${d.error}`);
    const entries = await redis.xrange(`${prefix}:records`, '-', '+');
    const streamed = entries.map(([, fields]) => {
      const at = fields.indexOf('record');
      return JSON.parse(fields[at + 1] ?? 'null') as StoryRecord;
    });
    return { records: result.records, written, streamed, deadLetters };
  } finally {
    await dead.close();
    redis.disconnect();
  }
}

/**
 * What must not differ between two runs over the same site (each served on its own port): each story,
 * its copies (by path) and its events. Not its version: how many versions a story goes through depends
 * on the order its copies arrive in, which concurrent workers do not fix.
 */
export function stories(records: readonly StoryRecord[]): string[] {
  return records
    .map((r) =>
      JSON.stringify({
        id: r.id,
        status: r.status,
        copies: r.copies.map((c) => new URL(c.url).pathname).sort(),
        events: r.events.map(
          (e) => `${e.type}:${e.source?.code ?? '-'}>${e.targets.map((t) => t.code).join(',')}`,
        ),
      }),
    )
    .sort();
}

/**
 * `id@version` of the newest version of each story a sink received: what its consumer ends up with. A
 * sink job writes the newest stored version, so a sink may skip a version another sink got.
 */
export function latestVersions(records: readonly StoryRecord[]): string[] {
  const out = new Map<string, number>();
  for (const r of records) out.set(r.id, Math.max(out.get(r.id) ?? 0, r.version));
  return [...out].map(([id, v]) => `${id}@${v}`).sort();
}

/** `id@version` of each record version, to find one published twice. */
export function versions(records: readonly StoryRecord[]): string[] {
  return records.map((r) => `${r.id}@${r.version}`);
}
