import { afterAll, describe, expect, it } from 'vitest';
import { createProducer, fetchQueue, InvalidJobError, toJobId } from '@wirehose/queue';
import { connect, deletePrefix, testPrefix } from '../../support/redis.js';

describe('typed producer', () => {
  const prefix = testPrefix('producer');
  const redis = connect();
  const producer = createProducer(fetchQueue, { connection: redis, prefix });

  afterAll(async () => {
    await producer.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('refuses a payload that fails the queue schema, naming the field, and adds nothing', async () => {
    const err = await producer.add({ url: 'ftp:/nope' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidJobError);
    expect((err as Error).message).toMatch(/^invalid fetch job: url: /);
    expect(await producer.queue.count()).toBe(0);
  });

  it('applies schema defaults and the retry policy', async () => {
    const id = await producer.add({ url: 'https://news.example.org/a' });
    const job = await producer.queue.getJob(id);
    expect(job?.data).toEqual({
      url: 'https://news.example.org/a',
      sourceName: null,
      outlet: null,
      hint: null,
      via: 'crawl',
    });
    expect(job?.opts.attempts).toBe(5);
    expect(job?.opts.backoff).toEqual({ type: 'exponential', delay: 1000 });
  });

  it('adds a job with a business-key id once', async () => {
    const jobId = toJobId('fetch:abc');
    expect(jobId).not.toContain(':');
    await producer.add({ url: 'https://news.example.org/b' }, { jobId });
    await producer.add({ url: 'https://news.example.org/b' }, { jobId });
    const jobs = await producer.queue.getJobs(['waiting']);
    expect(jobs.filter((j) => j.id === jobId)).toHaveLength(1);
  });
});
