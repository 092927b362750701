import { FlowProducer, type FlowJob } from 'bullmq';
import { publishQueue, queueOptions, type QueueContext } from '@wirehose/queue';
import type { PublishJob, StoryRecord } from '@wirehose/schemas';
import { SinkJobSchema, type OpenSink } from '@wirehose/sinks';

/** Name of the `publish` job that waits for a record's sink jobs; the publish worker completes it as is. */
export const SINKS_DONE_JOB = 'sinks-done';

export interface FanOut {
  /** Queue one job per sink for this record version. */
  publish(record: StoryRecord, reason: PublishJob['reason']): Promise<void>;
  close(): Promise<void>;
}

/**
 * Adds one job per sink (`publish-<sink>`, payload: story id and version) as children of a
 * `sinks-done` job on the `publish` queue. The parent waits (state waiting-children) until every sink
 * job has finished or failed for good, so "publish is idle" means the sinks are done too; a sink that
 * fails does not hold the others or the parent (`ignoreDependencyOnFailure`).
 */
export function createFanOut(
  ctx: QueueContext,
  sinks: readonly Pick<OpenSink, 'queue' | 'jobOptions'>[],
): FanOut {
  // The parent and every child share the `publish` hash tag (`queuePrefix`), so one prefix fits the flow.
  const flows = new FlowProducer(queueOptions(ctx, publishQueue.name));
  return {
    async publish(record, reason) {
      if (sinks.length === 0) return;
      const data = SinkJobSchema.parse({ storyId: record.id, version: record.version });
      const children: FlowJob[] = sinks.map((s) => ({
        name: s.queue.name,
        queueName: s.queue.name,
        data,
        opts: { ...s.jobOptions, ignoreDependencyOnFailure: true },
      }));
      await flows.add({
        name: SINKS_DONE_JOB,
        queueName: publishQueue.name,
        data: publishQueue.schema.parse({ storyId: record.id, reason }),
        opts: {
          attempts: 1,
          removeOnComplete: { age: 3600, count: 1_000 },
          removeOnFail: { age: 24 * 3600, count: 1_000 },
        },
        children,
      });
    },
    close: () => flows.close(),
  };
}
