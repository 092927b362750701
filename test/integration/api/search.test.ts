import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresSink, migrate, searchStories } from '@wirehose/sinks';
import { API_KEY, sampleRecord, startHarness, type Harness } from './harness.js';
import { errorOf, searchOf } from '../../support/api-answers.js';

const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const bearer = { authorization: `Bearer ${API_KEY}` };

describe('GET /v1/search', () => {
  const schema = `api_test_${randomUUID().slice(0, 8)}`;
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  let h: Harness;

  beforeAll(async () => {
    await migrate(pool, { schema });
    const sink = createPostgresSink({ pool, schema });
    await sink.write(
      sampleRecord(
        'story-budget',
        'Parliament passes the budget',
        'The parliament passed the annual budget.',
      ),
    );
    await sink.write(
      sampleRecord('story-bridge', 'Bridge reopens', 'The harbour bridge reopened to traffic.'),
    );
    h = await startHarness(undefined, (opts) => searchStories(pool, { ...opts, schema }));
  });
  afterAll(async () => {
    await h.close();
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  it('finds stories by full text', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/search?q=budget', headers: bearer });
    expect(res.statusCode).toBe(200);
    const body = searchOf(res);
    expect(body.hits.map((hit) => hit.id)).toEqual(['story-budget']);
    expect(body.hits[0]?.highlight).toContain('<b>budget</b>');
  });

  it('answers hits shaped as the example in docs/publishing.md', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/search?q=bridge', headers: bearer });
    const [hit] = searchOf(res).hits;
    const doc = await readFile(new URL('../../../docs/publishing.md', import.meta.url), 'utf8');
    const example = /```json\n(\{\n {2}"id"[\s\S]*?\n\})\n```/.exec(doc)?.[1];
    expect(example, 'the search hit example').toBeDefined();
    expect(Object.keys(hit ?? {}).sort()).toEqual(Object.keys(JSON.parse(example ?? '{}') as object).sort());
  });

  it('applies the country and type filters', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/v1/search?q=budget&country=VEN',
      headers: bearer,
    });
    expect(res.statusCode).toBe(200);
    expect(searchOf(res).count).toBe(0);
    const typed = await h.app.inject({
      method: 'GET',
      url: '/v1/search?q=budget&type=REQUEST',
      headers: bearer,
    });
    expect(searchOf(typed).count).toBe(0);
    const since = await h.app.inject({
      method: 'GET',
      url: '/v1/search?q=budget&since=2020-01-01',
      headers: bearer,
    });
    expect(searchOf(since).count).toBe(1);
  });

  it('answers 400 naming the parameter for a bad query', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/v1/search?q=x&country=Venezuela',
      headers: bearer,
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).message).toBe('country: must be an ISO-3166 alpha-3 code');
    const empty = await h.app.inject({ method: 'GET', url: '/v1/search', headers: bearer });
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).message).toContain('q:');
  });
});
