import type { Redis } from 'ioredis';
import { StoryRecordSchema, type StoryRecord } from '@wirehose/schemas';

/** One entry of the records stream as a consumer sees it. */
export interface StreamDelivery {
  /** The stream entry id (`<ms>-<seq>`). */
  entryId: string;
  /** How it reached this consumer: its own unacknowledged backlog, claimed from another consumer, or new. */
  via: 'pending' | 'claimed' | 'new';
  /** The record, or null when the entry was trimmed away or does not hold a valid record. */
  record: StoryRecord | null;
}

export interface ConsumeOptions {
  /** A connection of its own: XREADGROUP blocks it. */
  redis: Redis;
  /** Full stream key. */
  stream: string;
  group: string;
  consumer: string;
  /** Where a new group starts: `0` (the whole stream, default) or `$` (only new entries). */
  startId?: string;
  /** Entries per read. */
  count?: number;
  /** How long one read waits for new entries. */
  blockMs?: number;
  /** Claim entries other consumers left unacknowledged for this long (0: never claim). */
  claimIdleMs?: number;
  /** Stop after this many entries. */
  max?: number;
  /** Stop when the stream has had nothing new for one `blockMs` read. */
  stopWhenIdle?: boolean;
  signal?: AbortSignal;
  /** Handle one entry; it is acknowledged (XACK) only after this resolves. */
  handle(delivery: StreamDelivery): Promise<void> | void;
}

type Entry = [id: string, fields: string[] | null];
type ReadReply = [stream: string, entries: Entry[]][] | null;

function toRecord(fields: string[] | null): StoryRecord | null {
  if (!fields) return null;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === 'record') {
      const parsed = StoryRecordSchema.safeParse(JSON.parse(fields[i + 1] ?? 'null'));
      return parsed.success ? parsed.data : null;
    }
  }
  return null;
}

/** Create the consumer group if it does not exist (and the stream with it). */
export async function ensureGroup(
  redis: Redis,
  stream: string,
  group: string,
  startId = '0',
): Promise<boolean> {
  try {
    await redis.xgroup('CREATE', stream, group, startId, 'MKSTREAM');
    return true;
  } catch (err) {
    if ((err as Error).message.includes('BUSYGROUP')) return false;
    throw err;
  }
}

/**
 * Read the records stream as one consumer of a consumer group, acknowledging each entry after `handle`
 * succeeds. On start it first re-handles its own pending entries (delivered before a crash or restart,
 * never acknowledged), then, with `claimIdleMs`, claims entries other consumers left pending that long
 * (XAUTOCLAIM), then reads new entries until stopped. Delivery is at-least-once: `handle` must tolerate
 * seeing an entry again (keep the highest `version` per `id`).
 */
export async function consumeStream(options: ConsumeOptions): Promise<{ handled: number }> {
  const { redis, stream, group, consumer, signal } = options;
  const count = options.count ?? 100;
  const blockMs = options.blockMs ?? 5_000;
  const max = options.max ?? Infinity;
  let handled = 0;
  const done = (): boolean => handled >= max || signal?.aborted === true;

  async function deliver(entries: Entry[], via: StreamDelivery['via']): Promise<void> {
    for (const [entryId, fields] of entries) {
      if (done()) return;
      await options.handle({ entryId, via, record: toRecord(fields) });
      await redis.xack(stream, group, entryId);
      handled += 1;
    }
  }

  await ensureGroup(redis, stream, group, options.startId ?? '0');

  // 1. Our own backlog: entries delivered to this consumer name and never acknowledged.
  for (let cursor = '0'; !done();) {
    const reply = (await redis.xreadgroup(
      'GROUP',
      group,
      consumer,
      'COUNT',
      count,
      'STREAMS',
      stream,
      cursor,
    )) as ReadReply;
    const entries = reply?.[0]?.[1] ?? [];
    if (entries.length === 0) break;
    await deliver(entries, 'pending');
    cursor = entries.at(-1)?.[0] ?? cursor;
  }

  // 2. Entries other consumers were given but left unacknowledged for too long.
  if (options.claimIdleMs && options.claimIdleMs > 0) {
    let cursor = '0-0';
    do {
      if (done()) break;
      const [next, entries] = (await redis.xautoclaim(
        stream,
        group,
        consumer,
        options.claimIdleMs,
        cursor,
        'COUNT',
        count,
      )) as [string, Entry[], string[]?];
      await deliver(entries, 'claimed');
      cursor = next;
    } while (cursor !== '0-0');
  }

  // 3. New entries.
  while (!done()) {
    const reply = (await redis.xreadgroup(
      'GROUP',
      group,
      consumer,
      'COUNT',
      count,
      'BLOCK',
      blockMs,
      'STREAMS',
      stream,
      '>',
    )) as ReadReply;
    const entries = reply?.[0]?.[1] ?? [];
    if (entries.length === 0) {
      if (options.stopWhenIdle) break;
      continue;
    }
    await deliver(entries, 'new');
  }
  return { handled };
}

/**
 * Every valid record in the stream at or after `since`, oldest entry first, read in pages (XRANGE):
 * the source for backfilling a new sink from the stream. The stream holds each version that was
 * published, so a story can appear several times; sinks keep the highest version.
 */
export async function* readStreamRecords(
  redis: Redis,
  stream: string,
  { since = new Date(0), pageSize = 500 }: { since?: Date; pageSize?: number } = {},
): AsyncGenerator<StoryRecord> {
  let start = `${since.getTime()}-0`;
  for (;;) {
    const entries = (await redis.xrange(stream, start, '+', 'COUNT', pageSize)) as Entry[];
    for (const [, fields] of entries) {
      const record = toRecord(fields);
      if (record) yield record;
    }
    const last = entries.at(-1);
    if (!last || entries.length < pageSize) return;
    start = `(${last[0]}`;
  }
}
