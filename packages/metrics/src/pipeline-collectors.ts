import type { Redis } from 'ioredis';
import { Gauge, type Registry } from 'prom-client';
import { deadLetterQueue, getQueueCounts, type QueueContext } from '@wirehose/queue';
import { StoryRecordSchema } from '@wirehose/schemas';
import { dataKeys } from '@wirehose/store';

export interface PipelineCollectorOptions {
  queues: QueueContext;
  redis: Redis;
  prefix: string;
  /** How many of the latest records the copies and events gauges summarise. */
  recentRecords?: number;
  /** Queues counted beside the stage queues and the dead-letter queue (the `publish-<sink>` queues). */
  extraQueues?: readonly string[];
}

const STATES = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;

/**
 * Gauges read from Redis at scrape time, so every API process reports the same figures: queue depth per
 * queue and state, the number of stories with a published record, and copies and events by type over the
 * latest records.
 */
export function registerPipelineCollectors(registry: Registry, options: PipelineCollectorOptions): void {
  const { queues, redis, prefix, recentRecords = 500, extraQueues = [] } = options;
  const keys = dataKeys(prefix);
  new Gauge({
    name: 'wirehose_queue_jobs',
    help: 'Jobs in each queue (stages, dead letters, sinks) by state (waiting includes prioritized and waiting-children).',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const counts = await getQueueCounts(queues, [deadLetterQueue.name, ...extraQueues]);
      this.reset();
      for (const c of counts) for (const state of STATES) this.set({ queue: c.queue, state }, c[state]);
    },
  });
  new Gauge({
    name: 'wirehose_stories',
    help: 'Stories with a published record.',
    registers: [registry],
    async collect() {
      this.set(await redis.zcard(keys.recordIndex()));
    },
  });
  // Both gauges read the same records: one read serves a scrape (reused for a second).
  let summary: { at: number; value: Promise<{ copies: number; byType: Map<string, number> }> } | null = null;
  const summarise = () => {
    if (!summary || Date.now() - summary.at > 1000) {
      summary = { at: Date.now(), value: readRecentRecords() };
      summary.value.catch(() => {
        summary = null;
      });
    }
    return summary.value;
  };
  async function readRecentRecords(): Promise<{ copies: number; byType: Map<string, number> }> {
    const ids = await redis.zrevrange(keys.recordIndex(), 0, recentRecords - 1);
    const raws = ids.length > 0 ? await redis.mget(ids.map((id) => keys.record(id))) : [];
    let copies = 0;
    const byType = new Map<string, number>();
    for (const raw of raws) {
      if (raw === null) continue;
      const parsed = StoryRecordSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) continue;
      copies += parsed.data.copies.length;
      for (const event of parsed.data.events) byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
    }
    return { copies, byType };
  }
  new Gauge({
    name: 'wirehose_recent_story_copies',
    help: `Copies across the latest published records (at most ${recentRecords} records).`,
    registers: [registry],
    async collect() {
      this.set((await summarise()).copies);
    },
  });
  new Gauge({
    name: 'wirehose_recent_story_events',
    help: `Events by PLOVER type across the latest published records (at most ${recentRecords} records).`,
    labelNames: ['type'] as const,
    registers: [registry],
    async collect() {
      const { byType } = await summarise();
      this.reset();
      for (const [type, n] of byType) this.set({ type }, n);
    },
  });
}
