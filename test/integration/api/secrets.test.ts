import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@wirehose/logger';
import { signPayload } from '@wirehose/signing';
import { API_KEY, HMAC_SECRET, apiOptions, startHarness } from './harness.js';

describe('secrets', () => {
  it('never reach the logs or the answers, even at trace level and on failures', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ service: 'api-test', level: 'trace', destination });
    const h = await startHarness(apiOptions(), null, log);
    const answers: string[] = [];
    try {
      const body = JSON.stringify({ items: [{ url: 'http://127.0.0.1:9/secret-test' }] });
      const requests = [
        { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        { authorization: `Bearer ${API_KEY}x`, 'content-type': 'application/json' },
        { 'x-wirehose-signature': signPayload(HMAC_SECRET, body), 'content-type': 'application/json' },
        { 'x-wirehose-signature': signPayload(HMAC_SECRET, `${body} `), 'content-type': 'application/json' },
      ];
      for (const headers of requests) {
        const res = await h.app.inject({ method: 'POST', url: '/v1/ingest', headers, payload: body });
        answers.push(res.body);
      }
      const dashboard = await h.app.inject({
        method: 'GET',
        url: '/admin/queues',
        headers: { authorization: `Basic ${Buffer.from(`x:${API_KEY}`).toString('base64')}` },
      });
      expect(dashboard.statusCode).toBe(200);
    } finally {
      await h.close();
    }
    expect(lines.length).toBeGreaterThan(4);
    const everything = [...lines, ...answers].join('\n');
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(HMAC_SECRET);
  });
});
