import { afterAll, describe, expect, it } from 'vitest';
import { createHostLimiter } from '@wirehose/http-fetch';
import { connect, deletePrefix, testPrefix } from '../../support/redis.js';

describe('the shared host limiter', () => {
  const prefix = testPrefix('limiter');
  const a = connect();
  const b = connect();

  afterAll(async () => {
    await deletePrefix(a, prefix);
    a.disconnect();
    b.disconnect();
  });

  it('lets no more than the per-host concurrency in, across connections', async () => {
    const one = createHostLimiter({ redis: a, prefix, perHostConcurrency: 2, minDelayMs: 0 });
    const two = createHostLimiter({ redis: b, prefix, perHostConcurrency: 2, minDelayMs: 0 });
    const results = await Promise.all([
      one.tryAcquire('news.example'),
      two.tryAcquire('news.example'),
      one.tryAcquire('news.example'),
      two.tryAcquire('news.example'),
    ]);
    const granted = results.filter((r) => r.ok);
    expect(granted).toHaveLength(2);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.waitMs).toBeGreaterThan(0);
    // Another host is not affected.
    expect((await two.tryAcquire('other.example')).ok).toBe(true);
    for (const r of granted) if (r.ok) await r.release();
    expect((await one.tryAcquire('news.example')).ok).toBe(true);
  });

  it('keeps the minimum delay after a release and says how long to wait', async () => {
    const limiter = createHostLimiter({ redis: a, prefix, perHostConcurrency: 5, minDelayMs: 5_000 });
    const first = await limiter.tryAcquire('slow.example');
    expect(first.ok).toBe(true);
    if (first.ok) await first.release();
    const second = await createHostLimiter({ redis: b, prefix, minDelayMs: 100 }).tryAcquire(
      'slow.example',
      200,
    );
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.waitMs).toBeGreaterThan(4_000);
      expect(second.waitMs).toBeLessThanOrEqual(5_000);
    }
  });

  it('applies a Crawl-delay given per call', async () => {
    const limiter = createHostLimiter({ redis: a, prefix, perHostConcurrency: 5, minDelayMs: 0 });
    const first = await limiter.tryAcquire('delayed.example', 3_000);
    expect(first.ok).toBe(true);
    const second = await limiter.tryAcquire('delayed.example', 3_000);
    expect(!second.ok && second.waitMs > 2_000).toBe(true);
  });

  it('caps requests in flight across all hosts with the global limit', async () => {
    const gp = `${prefix}-global`;
    const limiter = createHostLimiter({
      redis: a,
      prefix: gp,
      perHostConcurrency: 10,
      minDelayMs: 0,
      globalConcurrency: 3,
    });
    const got = await Promise.all(
      ['h1', 'h2', 'h3', 'h4', 'h5'].map((h) => limiter.tryAcquire(`${h}.example`)),
    );
    expect(got.filter((r) => r.ok)).toHaveLength(3);
    const held = got.find((r) => r.ok);
    if (held?.ok) await held.release();
    expect((await limiter.tryAcquire('h6.example')).ok).toBe(true);
    await deletePrefix(a, gp);
  });

  it('expires the lease of a process that never released it', async () => {
    const limiter = createHostLimiter({
      redis: a,
      prefix,
      perHostConcurrency: 1,
      minDelayMs: 0,
      leaseTtlMs: 200,
    });
    expect((await limiter.tryAcquire('crash.example')).ok).toBe(true);
    expect((await limiter.tryAcquire('crash.example')).ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await limiter.tryAcquire('crash.example')).ok).toBe(true);
  });
});
