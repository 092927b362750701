import { afterAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents, UnrecoverableError, type Job } from 'bullmq';
import { loadConfig } from '@wirehose/config';
import { createLogger } from '@wirehose/logger';
import { createDeadLetters, createStageWorker, dedupQueue, queueOptions } from '@wirehose/queue';
import { createStageDeps } from '@wirehose/runtime';
import { ExtractorEnvSchema, startExtractor } from '@wirehose/svc-extractor';
import { REDIS_URL, connect, deletePrefix, testPrefix } from '../../support/redis.js';
import type { DedupJob } from '@wirehose/schemas';

// The dedup payload ({ articleId }) on a queue of the test's own; the id says how the job behaves.
const def = { name: 'hook-test', schema: dedupQueue.schema };

describe('the stage worker metrics hook', () => {
  const prefix = testPrefix('api-hook');
  const redis = connect();
  const ctx = { connection: connect(), prefix };

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
    ctx.connection.disconnect();
  });

  it('reports completed jobs, retried attempts and final failures with their duration', async () => {
    const calls: { kind: string; queue: string; final?: boolean; result?: unknown; ms: number }[] = [];
    const deadLetters = createDeadLetters(ctx);
    const worker = createStageWorker(
      def,
      async (data, job: Job) => {
        if (data.articleId === 'permanent') throw new UnrecoverableError('bad input');
        if (data.articleId === 'flaky' && job.attemptsMade === 0) throw new Error('try again');
        return { done: data.articleId };
      },
      {
        ...ctx,
        log: createLogger({ service: 'test', level: 'silent' }),
        deadLetters,
        metrics: {
          completed: (queue, ms, result) => calls.push({ kind: 'completed', queue, ms, result }),
          failed: (queue, ms, _err, final) => calls.push({ kind: 'failed', queue, ms, final }),
        },
      },
    );
    const queue = new Queue(def.name, queueOptions({ connection: ctx.connection, prefix }, def.name));
    const settled = new Promise<void>((resolve) => {
      let n = 0;
      const done = () => {
        n += 1;
        if (n === 3) resolve();
      };
      worker.on('completed', done);
      worker.on('failed', (job: Job<DedupJob> | undefined) => {
        if (job && (job.attemptsMade >= (job.opts.attempts ?? 1) || job.data.articleId === 'permanent'))
          done();
      });
    });
    await queue.add('j', { articleId: 'ok' });
    await queue.add('j', { articleId: 'permanent' }, { attempts: 3 });
    await queue.add('j', { articleId: 'flaky' }, { attempts: 2, backoff: { type: 'fixed', delay: 10 } });
    await settled;
    await worker.close();
    await queue.close();
    await deadLetters.close();

    const summary = calls
      .map((c) => `${c.kind}${c.final === undefined ? '' : c.final ? ':final' : ':retry'}`)
      .sort();
    expect(summary).toEqual(['completed', 'completed', 'failed:final', 'failed:retry']);
    expect(calls.every((c) => c.queue === 'hook-test' && c.ms >= 0)).toBe(true);
    expect(calls.filter((c) => c.kind === 'completed').map((c) => c.result)).toContainEqual({
      done: 'flaky',
    });
  });
});

describe('a metrics hook given to createStageDeps', () => {
  const prefix = testPrefix('api-hook');
  const redis = connect();

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('reaches the workers of a stage service started on those deps', async () => {
    const calls: { queue: string; final: boolean; message: string }[] = [];
    const log = createLogger({ service: 'test', level: 'silent' });
    const deps = createStageDeps({
      redisUrl: REDIS_URL,
      prefix,
      log,
      metrics: {
        completed: () => undefined,
        failed: (queue, _ms, err, final) => calls.push({ queue, final, message: err.message }),
      },
    });
    const extractor = startExtractor(deps, loadConfig(ExtractorEnvSchema, {}));
    const queue = new Queue('extract', queueOptions({ connection: redis, prefix }, 'extract'));
    const eventsConn = connect();
    const events = new QueueEvents('extract', queueOptions({ connection: eventsConn, prefix }, 'extract'));
    await events.waitUntilReady();
    try {
      // A payload the worker's schema refuses: a permanent failure on the first attempt.
      const job = await queue.add('extract', { url: 'not a url' });
      await job.waitUntilFinished(events).catch(() => undefined);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ queue: 'extract', final: true });
      expect(calls[0]?.message).toContain('invalid extract payload');
    } finally {
      await events.close();
      eventsConn.disconnect();
      await queue.close();
      await extractor.close();
      await deps.close();
    }
  });
});
