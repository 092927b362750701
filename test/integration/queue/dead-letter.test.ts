import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { QueueEvents, type Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@wirehose/logger';
import {
  createDeadLetters,
  createProducer,
  createStageWorker,
  fetchQueue,
  type DeadLetters,
  queueOptions,
} from '@wirehose/queue';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';

const run = promisify(execFile);
const log = createLogger({ service: 'test', level: 'silent' });

describe('dead-letter queue', () => {
  const prefix = testPrefix('dlq');
  const redis = connect();
  const ctx = { connection: redis, prefix };
  let deadLetters: DeadLetters;
  let worker: Worker | undefined;

  beforeAll(() => {
    deadLetters = createDeadLetters(ctx);
  });

  afterAll(async () => {
    await worker?.close();
    await deadLetters.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('keeps a job that fails every attempt, and the CLI re-runs it', async () => {
    let failing = true;
    const processed: string[] = [];
    worker = createStageWorker(
      fetchQueue,
      async (data) => {
        if (failing) throw new Error(`upstream down for ${data.url}`);
        processed.push(data.url);
        return 'ok';
      },
      { ...ctx, log, deadLetters },
    );
    const producer = createProducer(fetchQueue, ctx);
    await producer.add(
      { url: 'https://news.example.org/a' },
      { attempts: 3, backoff: { type: 'fixed', delay: 10 } },
    );
    await producer.close();

    await expect.poll(() => deadLetters.count(), { timeout: 10_000 }).toBe(1);
    const [entry] = await deadLetters.list();
    expect(entry).toMatchObject({
      queue: 'fetch',
      attemptsMade: 3,
      error: 'upstream down for https://news.example.org/a',
      data: { url: 'https://news.example.org/a' },
    });

    const env = { ...process.env, REDIS_URL, WIREHOSE_PREFIX: prefix, LOG_LEVEL: 'silent' };
    const listed = await run('node', ['bin/wirehose.mjs', 'dlq', 'list'], { env });
    expect(listed.stdout).toContain('upstream down for https://news.example.org/a');

    failing = false;
    const events = new QueueEvents('fetch', queueOptions({ connection: redis.duplicate(), prefix }, 'fetch'));
    await events.waitUntilReady();
    const completed = new Promise<string>((resolve) =>
      events.once('completed', ({ jobId }) => resolve(jobId)),
    );
    const retried = await run('node', ['bin/wirehose.mjs', 'dlq', 'retry', '--all'], { env });
    expect(retried.stdout).toMatch(/re-queued dead letter \S+ on fetch as job \S+/);
    await completed;
    await events.close();
    expect(processed).toEqual(['https://news.example.org/a']);
    expect(await deadLetters.count()).toBe(0);
  });

  it('dead-letters a bad payload at once, without retrying', async () => {
    const producer = createProducer(fetchQueue, ctx);
    // Bypass the producer's validation to simulate a payload written by an older or foreign producer.
    await producer.queue.add('fetch', { url: 'not a url' }, { attempts: 5 });
    await producer.close();
    await expect.poll(async () => (await deadLetters.list()).length, { timeout: 10_000 }).toBe(1);
    const [entry] = await deadLetters.list();
    expect(entry?.attemptsMade).toBe(1);
    expect(entry?.error).toMatch(/invalid fetch payload: url/);
  });
});
