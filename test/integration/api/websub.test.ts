import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import type { FetchJob } from '@wirehose/schemas';
import { API_KEY, apiOptions, startHarness, startServer, type Harness, type TestServer } from './harness.js';
import { queueOptions } from '@wirehose/queue';
import { errorOf, ingestOf, subscriptionsOf } from '../../support/api-answers.js';

const bearer = { authorization: `Bearer ${API_KEY}` };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function rss(base: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>First story</title><link>${base}/news/first</link><pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate></item>
<item><title>Second story</title><link>${base}/news/second</link></item>
</channel></rss>`;
}

describe('WebSub subscriber', () => {
  let h: Harness;
  let hub: TestServer;
  let topic: string;
  /** Verification answers the hub got back: [status, body]. */
  const verifications: [number, string][] = [];

  beforeAll(async () => {
    const port = await freePort();
    hub = await startServer(async (req, body, res) => {
      if (req.method !== 'POST') return void res.writeHead(405).end();
      res.writeHead(202).end();
      // Like a real hub: verify intent after accepting the request.
      const form = new URLSearchParams(body);
      const callback = new URL(form.get('hub.callback') ?? '');
      callback.searchParams.set('hub.mode', form.get('hub.mode') ?? '');
      callback.searchParams.set('hub.topic', form.get('hub.topic') ?? '');
      callback.searchParams.set('hub.challenge', `challenge-${verifications.length}`);
      callback.searchParams.set('hub.lease_seconds', '3600');
      try {
        const answer = await fetch(callback);
        verifications.push([answer.status, await answer.text()]);
      } catch {
        verifications.push([0, 'unreachable']);
      }
    });
    topic = `${hub.baseUrl}/feeds/world.xml`;
    h = await startHarness(
      apiOptions({
        websub: { callbackBase: `http://127.0.0.1:${port}`, leaseSeconds: 3600, renewMarginSeconds: 7200 },
      }),
    );
    await h.app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await h.close();
    await hub.close();
  });

  function subscribed(): { id: string; secret: string; callbackPath: string } {
    const subscribeCall = hub.requests.find(
      (r) => new URLSearchParams(r.body).get('hub.mode') === 'subscribe',
    );
    const form = new URLSearchParams(subscribeCall?.body ?? '');
    const callback = new URL(form.get('hub.callback') ?? 'http://x/');
    return {
      id: callback.pathname.split('/').pop() ?? '',
      secret: form.get('hub.secret') ?? '',
      callbackPath: callback.pathname,
    };
  }

  it('subscribes at the hub and answers its verification by echoing the challenge', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/websub/subscriptions',
      headers: bearer,
      payload: { hub: `${hub.baseUrl}/hub`, topic, sourceName: 'world-feed' },
    });
    expect(res.statusCode).toBe(202);
    expect(res.body).not.toContain('secret');
    const form = new URLSearchParams(hub.requests[0]?.body ?? '');
    expect(form.get('hub.mode')).toBe('subscribe');
    expect(form.get('hub.topic')).toBe(topic);
    expect(form.get('hub.lease_seconds')).toBe('3600');
    expect(form.get('hub.secret')).toMatch(/^[0-9a-f]{64}$/);
    expect(form.get('hub.callback')).toMatch(/\/websub\/callback\/[0-9a-f]{24}$/);
    await expect.poll(() => verifications.length).toBe(1);
    expect(verifications[0]).toEqual([200, 'challenge-0']);
    const list = await h.app.inject({ method: 'GET', url: '/v1/websub/subscriptions', headers: bearer });
    expect(subscriptionsOf(list).subscriptions[0]).toMatchObject({
      topic,
      state: 'active',
      sourceName: 'world-feed',
    });
    expect(list.body).not.toContain(form.get('hub.secret') ?? 'none');
  });

  it('refuses to echo the challenge for a topic it did not ask for', async () => {
    const { callbackPath } = subscribed();
    const res = await h.app.inject({
      method: 'GET',
      url: `${callbackPath}?hub.mode=subscribe&hub.topic=${encodeURIComponent('https://evil.example/feed')}&hub.challenge=abc`,
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('"abc"');
    expect(errorOf(res).message).toBe('no subscription was requested for this topic');
  });

  it('ingests the items of a signed delivery as fetch jobs via websub', async () => {
    const { callbackPath, secret } = subscribed();
    const body = rss('http://127.0.0.1:9');
    const signature = createHmac('sha256', secret).update(body).digest('hex');
    const res = await h.app.inject({
      method: 'POST',
      url: callbackPath,
      headers: { 'content-type': 'application/rss+xml', 'x-hub-signature-256': `sha256=${signature}` },
      payload: body,
    });
    expect(res.statusCode).toBe(202);
    expect(ingestOf(res).accepted).toBe(2);
    const fetchQueue = new Queue<FetchJob>(
      'fetch',
      queueOptions({ connection: h.redis, prefix: h.prefix }, 'fetch'),
    );
    const jobs = await fetchQueue.getJobs(['waiting']);
    await fetchQueue.close();
    expect(jobs.map((j) => j.data.url).sort()).toEqual([
      'http://127.0.0.1:9/news/first',
      'http://127.0.0.1:9/news/second',
    ]);
    expect(jobs[0]?.data).toMatchObject({ via: 'websub', sourceName: 'world-feed' });
    expect(jobs.find((j) => j.data.url.endsWith('/first'))?.data.hint).toMatchObject({
      title: 'First story',
      publishedAt: '2026-11-24T09:00:00.000Z',
    });
  });

  it('accepts the legacy sha1 X-Hub-Signature header', async () => {
    const { callbackPath, secret } = subscribed();
    const body = rss('http://127.0.0.1:9/legacy');
    const signature = createHmac('sha1', secret).update(body).digest('hex');
    const res = await h.app.inject({
      method: 'POST',
      url: callbackPath,
      headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': `sha1=${signature}` },
      payload: body,
    });
    expect(res.statusCode).toBe(202);
    expect(ingestOf(res).accepted).toBe(2);
  });

  it('rejects a delivery with a missing or wrong signature and queues nothing', async () => {
    const { callbackPath } = subscribed();
    const before = await h.queued();
    const body = rss('http://127.0.0.1:9/forged');
    const forged = createHmac('sha256', 'not-the-secret').update(body).digest('hex');
    const wrong = await h.app.inject({
      method: 'POST',
      url: callbackPath,
      headers: { 'content-type': 'application/rss+xml', 'x-hub-signature-256': `sha256=${forged}` },
      payload: body,
    });
    expect(wrong.statusCode).toBe(403);
    expect(errorOf(wrong).message).toBe('hub signature does not match the body');
    const missing = await h.app.inject({
      method: 'POST',
      url: callbackPath,
      headers: { 'content-type': 'application/rss+xml' },
      payload: body,
    });
    expect(missing.statusCode).toBe(403);
    expect(errorOf(missing).message).toContain('missing X-Hub-Signature-256');
    expect(await h.queued()).toEqual(before);
  });

  it('renews a lease that ends within the renewal margin', async () => {
    const before = hub.requests.length;
    const renewed = await h.app.websub.renewDue();
    expect(renewed).toHaveLength(1);
    expect(hub.requests.length).toBe(before + 1);
    const form = new URLSearchParams(hub.requests.at(-1)?.body ?? '');
    expect(form.get('hub.mode')).toBe('subscribe');
    expect(form.get('hub.topic')).toBe(topic);
    // The renewal keeps the secret, so deliveries signed with it stay valid.
    expect(form.get('hub.secret')).toBe(subscribed().secret);
  });
});

describe('WebSub subscribing when off', () => {
  it('answers 503 naming WEBSUB_CALLBACK_URL', async () => {
    const h = await startHarness();
    try {
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/websub/subscriptions',
        headers: bearer,
        payload: { hub: 'http://127.0.0.1:9/hub', topic: 'http://127.0.0.1:9/feed' },
      });
      expect(res.statusCode).toBe(503);
      expect(errorOf(res).message).toContain('WEBSUB_CALLBACK_URL');
    } finally {
      await h.close();
    }
  });
});
