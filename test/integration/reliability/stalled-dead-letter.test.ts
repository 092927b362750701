import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { loadConfig } from '@wirehose/config';
import { createLogger } from '@wirehose/logger';
import { createProducer, dedupQueue, toJobId, queueOptions } from '@wirehose/queue';
import { createStageDeps } from '@wirehose/runtime';
import { createStores } from '@wirehose/store';
import { DedupEnvSchema, startDedup } from '@wirehose/svc-dedup';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { elapsed, makeArticle, spawnService } from './support.js';

const run = promisify(execFile);
const log = createLogger({ service: 'reliability-test', level: 'silent' });
const PAUSED = 'paused after the index write (DEDUP_PAUSE_AFTER_ASSIGN)';

describe('a job whose workers are killed twice while holding it', () => {
  const prefix = testPrefix('rel-stall');
  const redis = connect();

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('fails as stalled too often and reaches the dead-letter queue with its payload', async () => {
    const article = makeArticle(prefix);
    await createStores({ redis, prefix }).articles.put(article);
    const dedups = createProducer(dedupQueue, { connection: redis, prefix });
    const jobId = toJobId(`dedup-${article.articleId}`);
    await dedups.add({ articleId: article.articleId }, { jobId });
    await dedups.close();

    const watch = new QueueEvents(
      dedupQueue.name,
      queueOptions({ connection: connect(), prefix }, dedupQueue.name),
    );
    await watch.waitUntilReady();
    const env = { REDIS_URL, WIREHOSE_PREFIX: prefix, DEDUP_PAUSE_AFTER_ASSIGN: 'true' };
    const first = spawnService('dedup', env);
    await first.waitFor((l) => l['msg'] === PAUSED);
    await first.kill();
    const firstKill = performance.now();
    const second = spawnService('dedup', env);
    await second.waitFor((l) => l['msg'] === PAUSED);
    const firstRestartMs = elapsed(firstKill);
    await second.kill();
    const secondKill = performance.now();

    const failed = new Promise<{ ms: number; reason: string }>((resolve) =>
      watch.once('failed', ({ failedReason }) => resolve({ ms: elapsed(secondKill), reason: failedReason })),
    );
    const deps = createStageDeps({ redisUrl: REDIS_URL, prefix, log });
    const dedup = startDedup(deps, loadConfig(DedupEnvSchema, {}));
    try {
      const { ms, reason } = await failed;
      process.stdout.write(
        `[reliability] killed worker's job restarted after ${firstRestartMs} ms (incl. process start); ` +
          `after the second kill it failed as stalled after ${ms} ms\n`,
      );
      expect(reason).toBe('job stalled more than allowable limit');
      await expect.poll(() => deps.deadLetters.count(), { timeout: 10_000 }).toBe(1);
      const [entry] = await deps.deadLetters.list();
      expect(entry).toMatchObject({
        queue: 'dedup',
        jobId,
        error: 'job stalled more than allowable limit',
        data: { articleId: article.articleId },
      });

      const listed = await run('node', ['bin/wirehose.mjs', 'dlq', 'list'], {
        env: { ...process.env, REDIS_URL, WIREHOSE_PREFIX: prefix, LOG_LEVEL: 'silent' },
      });
      expect(listed.stdout).toContain('job stalled more than allowable limit');
      expect(listed.stdout).toContain(jobId);
    } finally {
      await dedup.close();
      await deps.close();
      await watch.close();
    }
  }, 150_000);
});
