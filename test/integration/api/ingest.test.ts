import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import type { DedupJob, ExtractJob, FetchJob } from '@wirehose/schemas';
import { signPayload } from '@wirehose/signing';
import { API_KEY, HMAC_SECRET, NOTHING_QUEUED, apiOptions, startHarness, type Harness } from './harness.js';
import { queueOptions } from '@wirehose/queue';
import { errorOf, ingestOf } from '../../support/api-answers.js';

const bearer = { authorization: `Bearer ${API_KEY}` };

function signed(body: string, timestamp?: number): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-wirehose-signature': signPayload(HMAC_SECRET, body, timestamp),
  };
}

describe('POST /v1/ingest', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('queues a URL as a fetch job, a page as an extract job and an article as a dedup job', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: bearer,
      payload: {
        sourceName: 'partner-feed',
        items: [
          { url: 'http://127.0.0.1:9/news/one', priority: 5 },
          { url: 'https://example.org/news/page', html: '<html><body><p>Hello</p></body></html>' },
          {
            url: 'https://example.org/news/article?utm_source=x',
            title: 'Parliament passes the budget',
            text: 'The parliament passed the budget on Tuesday after a long debate.',
            authors: ['A. Writer'],
            publishedAt: '2026-11-20T10:00:00Z',
            language: 'en',
          },
        ],
      },
    });
    expect(res.statusCode).toBe(202);
    const body = ingestOf(res);
    expect(body.accepted).toBe(3);
    expect(body.items.map((i) => i.queue)).toEqual(['fetch', 'extract', 'dedup']);
    const [fetchId, extractId, dedupId] = body.items.map((i) => i.jobId ?? 'missing job id');

    const on = { connection: h.redis, prefix: h.prefix };
    const fetchQ = new Queue<FetchJob>('fetch', queueOptions(on, 'fetch'));
    const extractQ = new Queue<ExtractJob>('extract', queueOptions(on, 'extract'));
    const dedupQ = new Queue<DedupJob>('dedup', queueOptions(on, 'dedup'));
    const fetchJob = await fetchQ.getJob(fetchId ?? '');
    expect(fetchJob?.data).toMatchObject({
      url: 'http://127.0.0.1:9/news/one',
      via: 'ingest',
      sourceName: 'partner-feed',
    });
    expect(fetchJob?.opts.priority).toBe(5);

    const extractJob = await extractQ.getJob(extractId ?? '');
    expect(await h.redis.get(extractJob?.data.htmlKey ?? 'missing html key')).toContain('<p>Hello</p>');

    const dedupJob = await dedupQ.getJob(dedupId ?? '');
    await Promise.all([fetchQ.close(), extractQ.close(), dedupQ.close()]);
    const stored: unknown = JSON.parse(
      (await h.redis.get(`${h.prefix}:article:${dedupJob?.data.articleId ?? 'missing'}`)) ?? '{}',
    );
    expect(stored).toMatchObject({
      canonicalUrl: 'https://example.org/news/article',
      title: 'Parliament passes the budget',
      authors: ['A. Writer'],
      wordCount: 11,
      source: 'example.org',
      sourceName: 'partner-feed',
    });
  });

  it('answers a URL submitted again as a duplicate naming the first job, and queues nothing new', async () => {
    const payload = { items: [{ url: 'http://127.0.0.1:9/news/dup' }] };
    const first = await h.app.inject({ method: 'POST', url: '/v1/ingest', headers: bearer, payload });
    const before = await h.queued();
    const again = await h.app.inject({ method: 'POST', url: '/v1/ingest', headers: bearer, payload });
    expect(again.statusCode).toBe(200);
    expect(ingestOf(again).items[0]).toMatchObject({
      status: 'duplicate',
      jobId: ingestOf(first).items[0]?.jobId,
    });
    expect(await h.queued()).toEqual(before);
  });

  it('rejects a batch with one bad item naming its index and field, and queues none of it', async () => {
    const before = await h.queued();
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: bearer,
      payload: {
        items: [
          { url: 'http://127.0.0.1:9/fine' },
          { url: 'not a url' },
          { url: 'https://x.org/', title: '' },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const body = errorOf(res);
    expect(body.message).toContain('items[1].url');
    expect(body.message).toContain('items[2].title');
    expect(body.issues).toContainEqual(expect.objectContaining({ item: 1, field: 'url' }));
    expect(await h.queued()).toEqual(before);
  });

  it('answers 415 for a body that is not JSON and 400 for malformed JSON', async () => {
    const form = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'url=http://127.0.0.1:9/x',
    });
    expect(form.statusCode).toBe(415);
    expect(errorOf(form).message).toBe('send the body as application/json');
    const broken = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: { ...bearer, 'content-type': 'application/json' },
      payload: '{"items": [',
    });
    expect(broken.statusCode).toBe(400);
    expect(errorOf(broken).message).toMatch(/^request body is not valid JSON/);
  });

  it('refuses more items than the per-request limit', async () => {
    const items = Array.from({ length: 6 }, (_, i) => ({ url: `http://127.0.0.1:9/many/${i}` }));
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: bearer,
      payload: { items },
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).message).toContain('at most 5');
  });

  it('accepts a signed request and refuses a bad or stale signature', async () => {
    const body = JSON.stringify({ items: [{ url: 'http://127.0.0.1:9/signed' }] });
    const before = await h.queued();
    const bad = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: { ...signed(body), 'x-wirehose-signature': signPayload('wrong-secret-0123456789', body) },
      payload: body,
    });
    expect(bad.statusCode).toBe(401);
    expect(errorOf(bad).message).toBe('signature does not match the body');
    const stale = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: signed(body, Math.floor(Date.now() / 1000) - 3600),
      payload: body,
    });
    expect(stale.statusCode).toBe(401);
    expect(errorOf(stale).message).toMatch(/tolerance 300 s/);
    const tampered = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: signed(body),
      payload: body.replace('signed', 'tampered'),
    });
    expect(tampered.statusCode).toBe(401);
    expect(await h.queued()).toEqual(before);
    const good = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: signed(body),
      payload: body,
    });
    expect(good.statusCode).toBe(202);
    expect(ingestOf(good).accepted).toBe(1);
  });

  it('refuses requests without credentials or with an unknown key, never echoing secrets', async () => {
    const none = await h.app.inject({ method: 'POST', url: '/v1/ingest', payload: { items: [] } });
    expect(none.statusCode).toBe(401);
    expect(errorOf(none).message).toContain('authentication required');
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: { authorization: 'Bearer not-the-key-at-all' },
      payload: { items: [{ url: 'http://127.0.0.1:9/x' }] },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('not-the-key-at-all');
    expect(wrong.body).not.toContain(API_KEY);
  });

  it('answers 413 naming the limit for an oversized body, and queues nothing', async () => {
    const before = await h.queued();
    const html = 'x'.repeat(70 * 1024);
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: bearer,
      payload: { items: [{ url: 'https://example.org/big', html }] },
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).message).toBe('request body is larger than the limit of 65536 bytes');
    expect(await h.queued()).toEqual(before);
  });

  it('refuses a private URL under the default policy with a clear reason', async () => {
    const before = await h.queued();
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: bearer,
      payload: { items: [{ url: 'http://10.1.2.3/admin' }, { url: 'http://[::1]:8080/' }] },
    });
    expect(res.statusCode).toBe(422);
    const body = errorOf(res);
    expect(body.message).toContain('no item was accepted');
    expect(body.items?.map((i) => i.status)).toEqual(['refused', 'refused']);
    expect(body.items?.[0]?.reason).toContain('private');
    expect(body.items?.[1]?.reason).toContain('loopback');
    expect(await h.queued()).toEqual(before);
  });

  it('returns the first answer for a repeated Idempotency-Key and queues nothing new', async () => {
    const payload = { items: [{ url: 'http://127.0.0.1:9/idem/1' }, { url: 'http://127.0.0.1:9/idem/2' }] };
    const headers = { ...bearer, 'idempotency-key': 'delivery-42' };
    const first = await h.app.inject({ method: 'POST', url: '/v1/ingest', headers, payload });
    expect(first.statusCode).toBe(202);
    const before = await h.queued();
    const again = await h.app.inject({ method: 'POST', url: '/v1/ingest', headers, payload });
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await h.queued()).toEqual(before);
    const other = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers,
      payload: { items: [{ url: 'http://127.0.0.1:9/idem/3' }] },
    });
    expect(other.statusCode).toBe(422);
    expect(errorOf(other).message).toContain('different body');
    expect(await h.queued()).toEqual(before);
  });

  it('lets only one of three concurrent requests with the same Idempotency-Key do the work', async () => {
    const payload = { items: [{ url: 'http://127.0.0.1:9/race/1' }] };
    const headers = { ...bearer, 'idempotency-key': 'race-1' };
    const answers = await Promise.all(
      [0, 1, 2].map(() => h.app.inject({ method: 'POST', url: '/v1/ingest', headers, payload })),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
    const queuedIds = new Set(
      answers.filter((a) => a.statusCode === 202).map((a) => ingestOf(a).items[0]?.jobId),
    );
    expect(queuedIds.size).toBe(1);
  });
});

describe('POST /v1/ingest rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(apiOptions({ rateLimit: { max: 2, windowSeconds: 60 } }));
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers 429 with Retry-After once a client spends its budget, and queues nothing', async () => {
    const send = (i: number) =>
      h.app.inject({
        method: 'POST',
        url: '/v1/ingest',
        headers: bearer,
        payload: { items: [{ url: `http://127.0.0.1:9/rl/${i}` }] },
      });
    expect((await send(1)).statusCode).toBe(202);
    expect((await send(2)).statusCode).toBe(202);
    const before = await h.queued();
    const limited = await send(3);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorOf(limited).message).toMatch(/rate limit of 2 requests per 60 s exceeded for client ops/);
    expect(await h.queued()).toEqual(before);
    // The budget lives in Redis: a second API process on the same prefix shares it.
    const keys = await h.redis.keys(`${h.prefix}:api:rl:*`);
    expect(keys.length).toBe(1);
  });
});

describe('nothing queued at start', () => {
  it('starts each harness on an empty prefix', async () => {
    const h = await startHarness();
    try {
      expect(await h.queued()).toEqual(NOTHING_QUEUED);
    } finally {
      await h.close();
    }
  });
});
