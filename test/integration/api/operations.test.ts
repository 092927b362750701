import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { createStores } from '@wirehose/store';
import { API_KEY, sampleRecord, startHarness, type Harness } from './harness.js';
import { queueOptions } from '@wirehose/queue';
import { errorOf } from '../../support/api-answers.js';

const bearer = { authorization: `Bearer ${API_KEY}` };

describe('readiness without Redis', () => {
  it('answers /readyz 503 saying Redis is unreachable', async () => {
    const h = await startHarness();
    try {
      h.redis.disconnect();
      const res = await h.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(errorOf(res).message).toMatch(/^redis unreachable/);
    } finally {
      h.redis.connect().catch(() => undefined);
      await h.redis.ping();
      await h.close();
    }
  });
});

describe('ingest without Redis', () => {
  it('answers 503 with Retry-After', async () => {
    const h = await startHarness();
    try {
      h.redis.disconnect();
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/ingest',
        headers: bearer,
        payload: { items: [{ url: 'http://127.0.0.1:9/no-redis' }] },
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(errorOf(res).message).toContain('the queues could not be reached');
    } finally {
      h.redis.connect().catch(() => undefined);
      await h.redis.ping();
      await h.close();
    }
  });
});

describe('operations endpoints', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers /healthz while the process is up', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200, and 503 naming the queue while a stage queue is paused', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const fetch = new Queue('fetch', queueOptions({ connection: h.redis, prefix: h.prefix }, 'fetch'));
    await fetch.pause();
    try {
      const res = await h.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(errorOf(res).message).toBe('queue fetch is paused');
    } finally {
      await fetch.resume();
      await fetch.close();
    }
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('exposes queue depth, stories, copies and request counts on /metrics', async () => {
    await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: bearer,
      payload: { items: [{ url: 'http://127.0.0.1:9/metrics/1' }] },
    });
    await createStores({ redis: h.redis, prefix: h.prefix }).records.put(sampleRecord('story-m'));
    const res = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('wirehose_queue_jobs{queue="fetch",state="waiting"} 1');
    // Every queue is counted: the dead letters and each configured sink's queue too.
    expect(res.body).toContain('wirehose_queue_jobs{queue="dead-letter",state="waiting"} 0');
    expect(res.body).toContain('wirehose_queue_jobs{queue="publish-redis-stream",state="failed"} 0');
    expect(res.body).toContain('wirehose_queue_jobs{queue="publish-archive",state="waiting"} 0');
    expect(res.body).toContain('wirehose_stories 1');
    expect(res.body).toContain('wirehose_recent_story_copies 1');
    expect(res.body).toMatch(/wirehose_ingest_items_total\{via="ingest",kind="url",outcome="queued"\} 1/);
    expect(res.body).toMatch(/wirehose_api_requests_total\{route="\/v1\/ingest",status="202"\} 1/);
  });

  it('returns the latest record of a story, and 404 with a clear message for an unknown one', async () => {
    await createStores({ redis: h.redis, prefix: h.prefix }).records.put(sampleRecord('story-1'));
    const found = await h.app.inject({ method: 'GET', url: '/v1/stories/story-1', headers: bearer });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ id: 'story-1', version: 2, schema: 'wirehose.record/v1' });
    const missing = await h.app.inject({ method: 'GET', url: '/v1/stories/nope', headers: bearer });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).message).toBe('no published record for story nope');
    const anonymous = await h.app.inject({ method: 'GET', url: '/v1/stories/story-1' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers /v1/search with 503 when no PostgreSQL is configured', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/search?q=budget', headers: bearer });
    expect(res.statusCode).toBe(503);
    expect(errorOf(res).message).toContain('DATABASE_URL');
  });

  it('serves the queue dashboard only with an API key (bearer or basic auth)', async () => {
    const anonymous = await h.app.inject({ method: 'GET', url: '/admin/queues' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toContain('Basic');
    const basic = Buffer.from(`admin:${API_KEY}`).toString('base64');
    const page = await h.app.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: { authorization: `Basic ${basic}` },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html');
    const api = await h.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: bearer });
    expect(api.statusCode).toBe(200);
    const names = api.json<{ queues: { name: string }[] }>().queues.map((q) => q.name);
    expect(names.sort()).toEqual(
      [
        'crawl',
        'fetch',
        'extract',
        'dedup',
        'extract-events',
        'publish',
        'dead-letter',
        'publish-redis-stream',
        'publish-archive',
      ].sort(),
    );
  });

  it('serves the human API docs at /docs, and / leads there', async () => {
    const root = await h.app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/docs');
    const page = await h.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<title>wirehose API docs</title>');
  });

  it('serves an OpenAPI description at /docs/json listing the public routes', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/ingest',
        '/v1/stories/{id}',
        '/v1/search',
        '/healthz',
        '/readyz',
        '/metrics',
      ]),
    );
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/admin'))).toBe(false);
    const ingest = doc.paths['/v1/ingest'] as { post: { requestBody: unknown } };
    expect(JSON.stringify(ingest.post.requestBody)).toContain('items');
    // Error answers are described with their codes.
    const search = doc.paths['/v1/search'] as { get: { responses: Record<string, unknown> } };
    expect(JSON.stringify(search.get.responses['503'])).toContain('WH_ERR_SEARCH_NOT_MIGRATED');
  });
});
