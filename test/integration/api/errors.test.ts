import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchStories } from '@wirehose/sinks';
import { API_KEY, NOTHING_QUEUED, startHarness, type Harness } from './harness.js';
import { errorOf } from '../../support/api-answers.js';

const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const bearer = { authorization: `Bearer ${API_KEY}` };

describe('error answers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('challenges with Bearer on /v1/* and with Basic on the dashboard', async () => {
    const anonymous = await h.app.inject({ method: 'GET', url: '/v1/stories/any' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="wirehose"');
    expect(errorOf(anonymous).code).toBe('WH_ERR_UNAUTHENTICATED');
    const wrongKey = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: { authorization: 'Bearer not-the-key-0123456789' },
      payload: { items: [{ url: 'https://example.org/a' }] },
    });
    expect(wrongKey.statusCode).toBe(401);
    expect(wrongKey.headers['www-authenticate']).toBe('Bearer realm="wirehose"');
    const dashboard = await h.app.inject({ method: 'GET', url: '/admin/queues' });
    expect(dashboard.statusCode).toBe(401);
    expect(dashboard.headers['www-authenticate']).toMatch(/^Basic /);
  });

  it('refuses a JSON body with bytes that are not UTF-8, naming the byte, and queues nothing', async () => {
    const head = Buffer.from('{"items":[{"url":"https://example.org/caf', 'utf8');
    const payload = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from('"}]}', 'utf8')]);
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: { ...bearer, 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'WH_ERR_INVALID_UTF8' });
    expect(errorOf(res).message).toContain(`not valid UTF-8: byte ${head.length} (0xe9)`);
    expect(await h.queued()).toEqual(NOTHING_QUEUED);
  });

  it('names the code of a body that is not JSON and of an unknown route', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/ingest',
      headers: { ...bearer, 'content-type': 'application/json' },
      payload: '{"items":',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('WH_ERR_INVALID_JSON');
    const missing = await h.app.inject({ method: 'GET', url: '/v1/nothing-here', headers: bearer });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('WH_ERR_NOT_FOUND');
  });
});

describe('GET /v1/search before the index exists', () => {
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  const unreachable = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/test', max: 1 });
  const schema = `api_unmigrated_${randomUUID().slice(0, 8)}`;
  let h: Harness;
  let down: Harness;
  beforeAll(async () => {
    h = await startHarness(undefined, (opts) => searchStories(pool, { ...opts, schema }));
    down = await startHarness(undefined, (opts) => searchStories(unreachable, { ...opts, schema }));
  });
  afterAll(async () => {
    await Promise.all([h.close(), down.close()]);
    await Promise.all([pool.end(), unreachable.end()]);
  });

  it('answers 503 saying to run wirehose migrate', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/search?q=budget', headers: bearer });
    expect(res.statusCode).toBe(503);
    expect(errorOf(res).code).toBe('WH_ERR_SEARCH_NOT_MIGRATED');
    expect(errorOf(res).message).toContain('run `wirehose migrate`');
    const exists = await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    expect(exists.rowCount).toBe(0);
  });

  it('answers 503 naming DATABASE_URL when PostgreSQL cannot be reached', async () => {
    const res = await down.app.inject({ method: 'GET', url: '/v1/search?q=budget', headers: bearer });
    expect(res.statusCode).toBe(503);
    expect(errorOf(res).code).toBe('WH_ERR_SEARCH_UNREACHABLE');
    expect(errorOf(res).message).toContain('DATABASE_URL');
  });
});
