import { afterAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { createLogger } from '@wirehose/logger';
import {
  createProducer,
  dedupQueue,
  eventsQueue,
  getQueueCounts,
  toJobId,
  queueOptions,
} from '@wirehose/queue';
import { createStores } from '@wirehose/store';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { startDownstream, streamedRecords } from './stage-pipeline.js';
import { elapsed, makeArticle, spawnService } from './support.js';

const log = createLogger({ service: 'reliability-test', level: 'silent' });

describe('a dedup worker killed between its index write and its enqueue', () => {
  const prefix = testPrefix('rel-dedup');
  const redis = connect();

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('loses nothing: the retry finds the article already seen and still queues its story, published once', async () => {
    const stores = createStores({ redis, prefix });
    const article = makeArticle(prefix);
    await stores.articles.put(article);
    const dedups = createProducer(dedupQueue, { connection: redis, prefix });
    await dedups.add({ articleId: article.articleId }, { jobId: toJobId(`dedup-${article.articleId}`) });

    const crashing = spawnService('dedup', {
      REDIS_URL,
      WIREHOSE_PREFIX: prefix,
      DEDUP_PAUSE_AFTER_ASSIGN: 'true',
    });
    await crashing.waitFor((l) => l['msg'] === 'paused after the index write (DEDUP_PAUSE_AFTER_ASSIGN)');
    await crashing.kill();
    const killedAt = performance.now();
    // The crash point: the story is in the index, and nothing follows it yet.
    const counts = await getQueueCounts({ connection: redis, prefix });
    const next = counts.filter((c) => c.queue === eventsQueue.name || c.queue === 'publish');
    expect(next.every((c) => c.waiting + c.active + c.delayed + c.completed === 0)).toBe(true);

    const eventsConnection = connect();
    const watch = new QueueEvents(
      dedupQueue.name,
      queueOptions({ connection: eventsConnection, prefix }, dedupQueue.name),
    );
    await watch.waitUntilReady();
    const restarted = new Promise<number>((resolve) =>
      watch.once('active', () => resolve(elapsed(killedAt))),
    );
    const downstream = await startDownstream(prefix, log);
    try {
      // Idle means the held job ran again and everything after it finished; the restart time is a
      // figure printed for the note, read from the queue's events when the listener saw them.
      await downstream.idle(100_000);
      const restartMs = await Promise.race([restarted, Promise.resolve(null)]);
      process.stdout.write(
        restartMs === null
          ? '[reliability] dedup job held by a killed worker restarted (its active event was not seen)\n'
          : `[reliability] dedup job held by a killed worker restarted after ${restartMs} ms\n`,
      );
      const records = await streamedRecords(redis, prefix);
      expect(records.map((r) => [r.version, r.copies.map((c) => c.articleId)])).toEqual([
        [1, [article.articleId]],
      ]);
      expect(await downstream.deps.deadLetters.count()).toBe(0);

      // Redelivered once more after its job is gone (a second crash, a replay): nothing doubles.
      await dedups.add(
        { articleId: article.articleId },
        { jobId: toJobId(`dedup-again-${article.articleId}`) },
      );
      await downstream.idle();
      expect((await streamedRecords(redis, prefix)).length).toBe(1);
    } finally {
      await watch.close();
      eventsConnection.disconnect();
      await downstream.close();
      await dedups.close();
    }
  }, 120_000);
});
