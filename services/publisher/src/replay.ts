import { Queue } from 'bullmq';
import { queueOptions, type QueueContext } from '@wirehose/queue';
import type { StoryRecord } from '@wirehose/schemas';
import { SinkJobSchema, type OpenSink, type SinkOutcome } from '@wirehose/sinks';
import type { Stores } from '@wirehose/store';

export interface ReplayResult {
  sink: string;
  queue: string;
  /** Stories whose record was queued for the sink. */
  queued: number;
}

/**
 * Re-publish stored records to sinks: queue a `replay` job on each sink's queue for every story whose
 * record was published at or after `since` (oldest first). The sink workers then write them with the
 * usual retries and dead letters; versions a sink already applied are skipped, so replay is safe to
 * repeat. For a new consumer, add a new sink (a new name starts with nothing applied) and replay to it.
 */
export async function replayRecords({
  stores,
  queues,
  sinks,
  since,
  batchSize = 500,
}: {
  stores: Stores;
  queues: QueueContext;
  sinks: readonly Pick<OpenSink, 'queue' | 'jobOptions' | 'config'>[];
  since: Date;
  batchSize?: number;
}): Promise<ReplayResult[]> {
  const ids = await stores.records.idsSince(since);
  const results: ReplayResult[] = [];
  for (const target of sinks) {
    const queue = new Queue(target.queue.name, queueOptions(queues, target.queue.name));
    let queued = 0;
    try {
      for (let i = 0; i < ids.length; i += batchSize) {
        const records = await Promise.all(ids.slice(i, i + batchSize).map((id) => stores.records.get(id)));
        const jobs = records
          .filter((r): r is StoryRecord => r !== null)
          .map((r) => ({
            name: target.queue.name,
            data: SinkJobSchema.parse({ storyId: r.id, version: r.version, reason: 'replay' }),
            opts: target.jobOptions,
          }));
        if (jobs.length > 0) await queue.addBulk(jobs);
        queued += jobs.length;
      }
    } finally {
      await queue.close();
    }
    results.push({ sink: target.config.name, queue: target.queue.name, queued });
  }
  return results;
}

export interface BackfillResult {
  read: number;
  written: number;
  skipped: number;
}

/**
 * Backfill one sink, in this process, from another copy of the records (the PostgreSQL index or the
 * records stream, e.g. after the record store was lost or for records older than it keeps). Records are
 * written in the order given; the first failed write stops the backfill (run it again to resume: what
 * was written is skipped).
 */
export async function backfillSink(
  sink: { write(record: StoryRecord): Promise<SinkOutcome> },
  records: AsyncIterable<StoryRecord>,
  onProgress?: (result: BackfillResult) => void,
): Promise<BackfillResult> {
  const result: BackfillResult = { read: 0, written: 0, skipped: 0 };
  for await (const record of records) {
    result.read += 1;
    const outcome = await sink.write(record);
    result[outcome] += 1;
    if (result.read % 500 === 0) onProgress?.({ ...result });
  }
  return result;
}
