import { afterAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { createLogger } from '@wirehose/logger';
import {
  createDeadLetters,
  createProducer,
  createStageWorker,
  dedupQueue,
  queueOptions,
} from '@wirehose/queue';
import { connect, deletePrefix, testPrefix } from '../../support/redis.js';

const log = createLogger({ service: 'test', level: 'silent' });
const def = { name: 'lock-test', schema: dedupQueue.schema };

describe('stage worker locks', () => {
  const prefix = testPrefix('lock');
  const redis = connect();
  const ctx = { connection: redis, prefix };

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('renews the lock of a job that runs four times its lock duration: no false stall, one run', async () => {
    const deadLetters = createDeadLetters(ctx);
    const runs: string[] = [];
    const stalls: string[] = [];
    // A short lock and a frequent stalled check, so the job outlives its lock several times over.
    const worker = createStageWorker(
      def,
      async (data) => {
        runs.push(data.articleId);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return 'done';
      },
      { ...ctx, log, deadLetters, lock: { lockDurationMs: 500, stalledIntervalMs: 250 } },
    );
    worker.on('stalled', (jobId) => stalls.push(jobId));
    const eventsConnection = connect();
    const events = new QueueEvents(
      def.name,
      queueOptions({ connection: eventsConnection, prefix }, def.name),
    );
    await events.waitUntilReady();
    const producer = createProducer(def, ctx);
    const id = await producer.add({ articleId: 'long-job' });
    const job = await producer.queue.getJob(id);
    try {
      expect(await job?.waitUntilFinished(events)).toBe('done');
      expect(runs).toEqual(['long-job']);
      expect(stalls).toEqual([]);
      expect(await deadLetters.count()).toBe(0);
    } finally {
      await worker.close();
      await producer.close();
      await events.close();
      eventsConnection.disconnect();
      await deadLetters.close();
    }
  });
});
