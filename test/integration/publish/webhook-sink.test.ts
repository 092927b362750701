import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookSink, PermanentSinkError, WebhookDeliveryError } from '@wirehose/sinks';
import { verifySignature } from '@wirehose/signing';
import { connect, deletePrefix, testPrefix } from '../../support/redis.js';
import { makeRecord } from './fixtures.js';

const SECRET = 'webhook-test-secret-0123456789';

describe('the webhook sink', () => {
  const prefix = testPrefix('pub');
  const redis = connect();
  let server: Server;
  let base: string;
  const seen: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        if (req.url === '/gone') res.statusCode = 410;
        else if (req.url === '/slow')
          return; // never answers
        else if (req.url === '/redirect') {
          res.statusCode = 302;
          res.setHeader('location', '/ok');
        } else res.statusCode = 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  const sink = (path: string, extra: { timeoutMs?: number } = {}) =>
    createWebhookSink({
      name: `hook${path.replaceAll('/', '-')}`,
      url: `${base}${path}`,
      secret: SECRET,
      policy: { allowHosts: ['127.0.0.1'] },
      redis,
      deliveredKey: `${prefix}:delivered${path}`,
      ...extra,
    });

  it('signs the body, names the delivery and the schema, and sends each version once', async () => {
    const hook = sink('/ok');
    const v1 = makeRecord({ id: 'w1', version: 1 });
    expect(await hook.write(v1)).toBe('written');
    expect(await hook.write(v1)).toBe('skipped');
    expect(await hook.write(makeRecord({ id: 'w1', version: 2 }))).toBe('written');
    const mine = seen.filter((s) => s.path === '/ok');
    expect(mine).toHaveLength(2);
    const [first] = mine;
    expect(first?.headers['idempotency-key']).toBe(`w1:1:${v1.contentHash.slice(0, 16)}`);
    expect(first?.headers['link']).toBe('<https://wirehose.dev/schemas/record/v1.json>; rel="describedby"');
    const signature = first?.headers['x-wirehose-signature'];
    expect(
      verifySignature(SECRET, first?.body ?? '', typeof signature === 'string' ? signature : undefined).ok,
    ).toBe(true);
  });

  it('treats 410 Gone as permanent and other non-2xx answers as retryable', async () => {
    await expect(sink('/gone').write(makeRecord({ id: 'w2' }))).rejects.toBeInstanceOf(PermanentSinkError);
    const redirect = sink('/redirect').write(makeRecord({ id: 'w3' }));
    await expect(redirect).rejects.toBeInstanceOf(WebhookDeliveryError);
    await expect(sink('/redirect').write(makeRecord({ id: 'w3' }))).rejects.toThrow(/answered 302/);
  });

  it('gives up on a subscriber that does not answer in time', async () => {
    await expect(sink('/slow', { timeoutMs: 200 }).write(makeRecord({ id: 'w4' }))).rejects.toThrow(
      /no answer within 200 ms/,
    );
  });

  it('refuses a loopback address by default, permanently', async () => {
    const strict = createWebhookSink({
      name: 'strict',
      url: `${base}/ok`,
      secret: SECRET,
      redis,
      deliveredKey: `${prefix}:delivered-strict`,
    });
    await expect(strict.write(makeRecord({ id: 'w5' }))).rejects.toBeInstanceOf(PermanentSinkError);
    expect(seen.some((s) => s.body.includes('"w5"'))).toBe(false);
  });
});
