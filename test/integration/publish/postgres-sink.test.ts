import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '@wirehose/cli';
import { createLogger } from '@wirehose/logger';
import { createPostgresSink, migrate, MIGRATIONS, searchStories } from '@wirehose/sinks';
import { makeEvent, makeRecord } from './fixtures.js';
import { DATABASE_URL, dropSchema, openPool, testSchema } from './pg.js';
import { REDIS_URL, testPrefix } from '../../support/redis.js';

describe('the PostgreSQL search index', () => {
  const pool = openPool();
  const schema = testSchema();
  const sink = createPostgresSink({ pool, schema });

  beforeAll(async () => {
    await migrate(pool, { schema });
  });

  afterAll(async () => {
    await dropSchema(pool, schema);
    await pool.end();
  });

  it('applies each migration once, however often migrate runs', async () => {
    const again = await migrate(pool, { schema });
    expect(again.applied).toEqual([]);
    const other = testSchema();
    try {
      const results = await Promise.all([migrate(pool, { schema: other }), migrate(pool, { schema: other })]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
      const { rows } = await pool.query<{ name: string }>(`SELECT name FROM "${other}".schema_migrations`);
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      await dropSchema(pool, other);
    }
  });

  it('`wirehose migrate` creates the schema once and then reports it up to date', async () => {
    const other = testSchema();
    const migrateCommand = COMMANDS.find((c) => c.name === 'migrate');
    const lines: string[] = [];
    const run = () =>
      migrateCommand?.run({
        args: [],
        flags: {},
        env: { DATABASE_URL, PG_SCHEMA: other },
        log: createLogger({ service: 'publish-test', level: 'silent' }),
        print: (l) => lines.push(l),
      });
    try {
      expect(await run()).toBe(0);
      expect(await run()).toBe(0);
      expect(lines).toEqual([
        `schema ${other}: applied ${MIGRATIONS.map((m) => m.name).join(', ')}`,
        `schema ${other}: up to date, nothing to apply`,
      ]);
    } finally {
      await dropSchema(pool, other);
    }
  });

  it('never lets an older version overwrite a newer one, in any arrival order', async () => {
    const id = 'ooo-story';
    const versions = [3, 1, 5, 2, 4, 5, 1].map((version) =>
      makeRecord({ id, version, title: `Title at version ${version}` }),
    );
    const outcomes = [];
    for (const record of versions) outcomes.push(await sink.write(record));
    expect(outcomes).toEqual(['written', 'skipped', 'written', 'skipped', 'skipped', 'skipped', 'skipped']);
    const { rows } = await pool.query<{ version: number; title: string }>(
      `SELECT version, title FROM "${schema}".stories WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([{ version: 5, title: 'Title at version 5' }]);
  });

  it('keeps concurrent writes of many versions at the highest one', async () => {
    const id = 'race-story';
    const records = Array.from({ length: 12 }, (_, i) => makeRecord({ id, version: 12 - i }));
    await Promise.all(records.map((r) => sink.write(r)));
    const { rows } = await pool.query<{ version: number }>(
      `SELECT version FROM "${schema}".stories WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([{ version: 12 }]);
  });

  it("stores a story's events in their own table and replaces them with the story", async () => {
    const id = 'events-story';
    await sink.write(makeRecord({ id, version: 1, events: [makeEvent('e1', 'REQUEST', 'VEN', 'RUS')] }));
    await sink.write(
      makeRecord({
        id,
        version: 2,
        events: [makeEvent('e2', 'ACCUSE', 'USA', 'VEN'), makeEvent('e3', 'THREATEN', 'USA', 'VEN')],
      }),
    );
    const { rows } = await pool.query<{
      event_id: string;
      type: string;
      source_country: string;
      target_countries: string[];
    }>(
      `SELECT event_id, type, source_country, target_countries FROM "${schema}".story_events
       WHERE story_id = $1 ORDER BY event_id`,
      [id],
    );
    expect(rows).toEqual([
      { event_id: 'e2', type: 'ACCUSE', source_country: 'USA', target_countries: ['VEN'] },
      { event_id: 'e3', type: 'THREATEN', source_country: 'USA', target_countries: ['VEN'] },
    ]);
  });

  it('ranks a title match above a body match and filters by country, type and date', async () => {
    await sink.write(
      makeRecord({
        id: 'title-match',
        title: 'Glacier collapse blocks mountain pass',
        text: 'Rescue teams reached the village on Tuesday.',
        events: [makeEvent('g1', 'AID', 'CHE', 'ITA')],
        firstPublishedAt: '2026-11-22T08:00:00Z',
      }),
    );
    await sink.write(
      makeRecord({
        id: 'body-match',
        title: 'Alpine road news',
        text: 'Officials said a glacier melted faster this year than in any year on record.',
        firstPublishedAt: '2026-11-01T08:00:00Z',
      }),
    );
    const hits = await searchStories(pool, { schema, query: 'glacier' });
    expect(hits.map((h) => h.id)).toEqual(['title-match', 'body-match']);
    expect(hits[0]?.rank).toBeGreaterThan(hits[1]?.rank ?? Infinity);
    expect(hits[1]?.highlight).toContain('<b>glacier</b>');
    expect(hits[0]?.eventTypes).toEqual(['AID']);
    expect(
      (await searchStories(pool, { schema, query: 'glacier', country: 'ita' })).map((h) => h.id),
    ).toEqual(['title-match']);
    expect((await searchStories(pool, { schema, query: 'glacier', type: 'AID' })).map((h) => h.id)).toEqual([
      'title-match',
    ]);
    const recent = await searchStories(pool, {
      schema,
      query: 'glacier',
      since: new Date('2026-11-10T00:00:00Z'),
    });
    expect(recent.map((h) => h.id)).toEqual(['title-match']);
    expect(await searchStories(pool, { schema, query: 'the' })).toEqual([]);
  });

  it('leaves a story merged into another out of search results', async () => {
    await sink.write(makeRecord({ id: 'volcano-a', title: 'Volcano erupts near the coast' }));
    await sink.write(makeRecord({ id: 'volcano-b', title: 'Volcano ash closes airport' }));
    expect((await searchStories(pool, { schema, query: 'volcano' })).length).toBe(2);
    await sink.write(
      makeRecord({
        id: 'volcano-b',
        version: 2,
        title: 'Volcano ash closes airport',
        mergedInto: 'volcano-a',
      }),
    );
    expect((await searchStories(pool, { schema, query: 'volcano' })).map((h) => h.id)).toEqual(['volcano-a']);
  });

  it('backfills a new sink from the index with `wirehose replay --from postgres`', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wirehose-backfill-'));
    try {
      const sinksFile = join(dir, 'sinks.yaml');
      const archive = join(dir, 'archive.ndjson');
      await writeFile(sinksFile, `sinks:\n  - type: ndjson\n    name: archive\n    path: ${archive}\n`);
      const replay = COMMANDS.find((c) => c.name === 'replay');
      const lines: string[] = [];
      const env = {
        REDIS_URL,
        WIREHOSE_PREFIX: testPrefix('pub'),
        SINKS_FILE: sinksFile,
        DATABASE_URL,
        PG_SCHEMA: schema,
      };
      const run = () =>
        replay?.run({
          args: [],
          flags: { since: '1970-01-01', from: 'postgres', sink: 'archive' },
          env,
          log: createLogger({ service: 'publish-test', level: 'silent' }),
          print: (l) => lines.push(l),
        });
      expect(await run()).toBe(0);
      const { rows } = await pool.query<{ id: string; version: number }>(
        `SELECT id, version FROM "${schema}".stories ORDER BY id`,
      );
      const written = (await readFile(archive, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { id: string; version: number });
      expect(written.map((r) => `${r.id}@${r.version}`).sort()).toEqual(
        rows.map((r) => `${r.id}@${r.version}`).sort(),
      );
      // Running it again writes nothing new.
      expect(await run()).toBe(0);
      expect(lines.at(-1)).toBe(
        `backfilled sink archive from postgres: read ${rows.length}, written 0, skipped ${rows.length}`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
