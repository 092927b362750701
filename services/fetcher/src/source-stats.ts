import type { Redis } from 'ioredis';

/** Outcome of one poll of a source (one document: the source URL or one page of it). */
export interface PollOutcome {
  status: 'ok' | 'not-modified' | 'error';
  discovered: number;
  enqueued: number;
  durationMs: number;
  /** Error message, or the problems of a partly malformed document. */
  detail?: string | null;
}

/** What `wirehose sources list` shows for a source. */
export interface SourceStats {
  lastPollAt: string | null;
  lastStatus: PollOutcome['status'] | null;
  lastDetail: string | null;
  lastDurationMs: number | null;
  lastDiscovered: number;
  lastEnqueued: number;
  polls: number;
  errors: number;
  notModified: number;
  discovered: number;
  enqueued: number;
}

const key = (prefix: string, name: string): string => `${prefix}:source-stats:${name}`;

/** A source not polled for this long (removed from the sources file) has its statistics dropped. */
const STATS_TTL_SECONDS = 30 * 24 * 3600;

/**
 * Per-source poll statistics in Redis (one hash per source), shared by every fetcher process. Each
 * poll renews the hash's expiry, so sources no longer polled do not stay forever.
 */
export function createSourceStats(redis: Redis, prefix: string) {
  return {
    async record(name: string, outcome: PollOutcome, at = new Date()): Promise<void> {
      const k = key(prefix, name);
      await redis
        .multi()
        .hset(k, {
          lastPollAt: at.toISOString(),
          lastStatus: outcome.status,
          lastDetail: outcome.detail ?? '',
          lastDurationMs: String(outcome.durationMs),
          lastDiscovered: String(outcome.discovered),
          lastEnqueued: String(outcome.enqueued),
        })
        .hincrby(k, 'polls', 1)
        .hincrby(k, 'errors', outcome.status === 'error' ? 1 : 0)
        .hincrby(k, 'notModified', outcome.status === 'not-modified' ? 1 : 0)
        .hincrby(k, 'discovered', outcome.discovered)
        .hincrby(k, 'enqueued', outcome.enqueued)
        .expire(k, STATS_TTL_SECONDS)
        .exec();
    },
    async get(name: string): Promise<SourceStats> {
      const h = await redis.hgetall(key(prefix, name));
      const num = (v: string | undefined): number => (v ? Number(v) : 0);
      return {
        lastPollAt: h['lastPollAt'] ?? null,
        lastStatus: (h['lastStatus'] as PollOutcome['status'] | undefined) ?? null,
        lastDetail: h['lastDetail'] || null,
        lastDurationMs: h['lastDurationMs'] ? Number(h['lastDurationMs']) : null,
        lastDiscovered: num(h['lastDiscovered']),
        lastEnqueued: num(h['lastEnqueued']),
        polls: num(h['polls']),
        errors: num(h['errors']),
        notModified: num(h['notModified']),
        discovered: num(h['discovered']),
        enqueued: num(h['enqueued']),
      };
    },
  };
}
export type SourceStatsStore = ReturnType<typeof createSourceStats>;
