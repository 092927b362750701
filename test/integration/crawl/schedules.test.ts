import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@wirehose/logger';
import { crawlQueue, queueOptions } from '@wirehose/queue';
import { createStageDeps } from '@wirehose/runtime';
import { SourceSchema, type SourceInput } from '@wirehose/schemas';
import { startScheduler, syncSchedules } from '@wirehose/svc-scheduler';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';

const log = createLogger({ service: 'schedules-test', level: 'silent' });
const src = (name: string, intervalSeconds = 60, extra: Partial<SourceInput> = {}) =>
  SourceSchema.parse({
    name,
    kind: 'rss',
    url: `https://news.example/${name}.xml`,
    intervalSeconds,
    ...extra,
  });

describe('schedules from the sources file', () => {
  const prefix = testPrefix('sched');
  const redis = connect();
  let queue: Queue;

  beforeAll(() => {
    queue = new Queue(crawlQueue.name, queueOptions({ connection: redis, prefix }, crawlQueue.name));
  });

  afterAll(async () => {
    await queue.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  const delayedCount = async (): Promise<number> =>
    (await queue.getDelayed()).length + (await queue.getWaitingCount());

  it('adds, keeps, changes and removes schedules without duplicates', async () => {
    const first = await syncSchedules(queue, [src('a'), src('b'), src('off', 60, { enabled: false })]);
    expect(first.added.sort()).toEqual(['a', 'b']);
    expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(['a', 'b']);
    const nextA = (await queue.getJobScheduler('a'))?.next;

    const again = await syncSchedules(queue, [src('a'), src('b')]);
    expect(again.unchanged.sort()).toEqual(['a', 'b']);
    expect((await queue.getJobScheduler('a'))?.next).toBe(nextA);
    expect(await delayedCount()).toBe(2);

    const edited = await syncSchedules(queue, [src('a', 120), src('c')]);
    expect(edited).toMatchObject({ changed: ['a'], added: ['c'], removed: ['b'] });
    expect((await queue.getJobScheduler('a'))?.every).toBe(120_000);
    expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(['a', 'c']);
    // One pending run per kept schedule, none duplicated by the reloads.
    const pending = (await queue.getJobs(['delayed', 'waiting'])).map((j) => j.repeatJobKey);
    expect(pending.filter((k) => k === 'a')).toHaveLength(1);
    expect(pending.filter((k) => k === 'c')).toHaveLength(1);
  });

  it('reloads an edited file and keeps the previous schedules when the new file is invalid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wirehose-sched-'));
    const file = join(dir, 'sources.yaml');
    const schedPrefix = `${prefix}-svc`;
    await writeFile(file, 'sources:\n  - name: one\n    kind: rss\n    url: https://news.example/1.xml\n');
    const deps = createStageDeps({ redisUrl: REDIS_URL, prefix: schedPrefix, log });
    const scheduler = await startScheduler(deps, { SOURCES_FILE: file, SOURCES_RELOAD_SECONDS: 0 });
    const q = new Queue(
      crawlQueue.name,
      queueOptions({ connection: redis, prefix: schedPrefix }, crawlQueue.name),
    );
    try {
      expect((await q.getJobSchedulers()).map((s) => s.key)).toEqual(['one']);
      await writeFile(file, 'sources:\n  - name: two\n    kind: atom\n    url: https://news.example/2.xml\n');
      await scheduler.reload();
      expect((await q.getJobSchedulers()).map((s) => s.key)).toEqual(['two']);
      await writeFile(file, 'sources:\n  - name: three\n    kind: atom\n    intervalSeconds: 1\n');
      await expect(scheduler.reload()).rejects.toThrow(/sources\.yaml:4:/);
      expect((await q.getJobSchedulers()).map((s) => s.key)).toEqual(['two']);
    } finally {
      await q.close();
      await scheduler.close();
      await deps.close();
      await deletePrefix(redis, schedPrefix);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
