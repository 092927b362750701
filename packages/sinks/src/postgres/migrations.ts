import type pg from 'pg';
import { quoteSchema } from './pg-schema.js';

/** One schema change. `sql` gets the quoted schema name; a migration, once released, never changes. */
export interface Migration {
  readonly name: string;
  sql(schema: string): string;
}

/**
 * Every migration in order. Add a change as a new entry at the end; never edit or reorder one that
 * has been released (the migrations table remembers applied names, not their text).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: '001-stories',
    sql: (s) => `
CREATE TABLE ${s}.stories (
  id                 text PRIMARY KEY,
  version            integer NOT NULL CHECK (version > 0),
  content_hash       text NOT NULL,
  published_at       timestamptz NOT NULL,
  title              text NOT NULL,
  body               text NOT NULL,
  url                text NOT NULL,
  language           text,
  first_published_at timestamptz,
  original_source    text NOT NULL,
  outlets            text[] NOT NULL,
  countries          text[] NOT NULL,
  event_types        text[] NOT NULL,
  copy_count         integer NOT NULL,
  record             jsonb NOT NULL,
  search             tsvector GENERATED ALWAYS AS (
                       setweight(to_tsvector('english'::regconfig, title), 'A') ||
                       setweight(to_tsvector('english'::regconfig, body), 'B')
                     ) STORED,
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stories_search_idx ON ${s}.stories USING GIN (search);
CREATE INDEX stories_countries_idx ON ${s}.stories USING GIN (countries);
CREATE INDEX stories_event_types_idx ON ${s}.stories USING GIN (event_types);
CREATE INDEX stories_first_published_idx ON ${s}.stories (first_published_at);
CREATE INDEX stories_published_idx ON ${s}.stories (published_at);

CREATE TABLE ${s}.story_events (
  story_id        text NOT NULL REFERENCES ${s}.stories (id) ON DELETE CASCADE,
  event_id        text NOT NULL,
  story_version   integer NOT NULL,
  type            text NOT NULL,
  mode            text,
  cameo_code      text NOT NULL,
  goldstein       double precision NOT NULL,
  source_code     text,
  source_country  text,
  target_codes    text[] NOT NULL,
  target_countries text[] NOT NULL,
  event_date      date NOT NULL,
  polarity        text NOT NULL,
  confidence      double precision NOT NULL,
  sentence        text NOT NULL,
  event           jsonb NOT NULL,
  PRIMARY KEY (story_id, event_id)
);
CREATE INDEX story_events_type_idx ON ${s}.story_events (type, event_date);
CREATE INDEX story_events_source_country_idx ON ${s}.story_events (source_country);
`,
  },
  {
    name: '002-story-status',
    sql: (s) => `
ALTER TABLE ${s}.stories
  ADD COLUMN status text NOT NULL DEFAULT 'active',
  ADD COLUMN merged_into text;
`,
  },
];

/**
 * Bring the schema up to date: create it and its `schema_migrations` table if needed, then apply, in one
 * transaction under an advisory lock, every migration not yet recorded. Running it again applies nothing,
 * and concurrent runs wait for each other.
 */
export async function migrate(
  pool: pg.Pool,
  { schema, migrations = MIGRATIONS }: { schema?: string; migrations?: readonly Migration[] } = {},
): Promise<{ applied: string[] }> {
  const s = quoteSchema(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`wirehose-migrate:${s}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
         name text PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = await client.query<{ name: string }>(`SELECT name FROM ${s}.schema_migrations`);
    const have = new Set(done.rows.map((r) => r.name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (have.has(migration.name)) continue;
      await client.query(migration.sql(s));
      await client.query(`INSERT INTO ${s}.schema_migrations (name) VALUES ($1)`, [migration.name]);
      applied.push(migration.name);
    }
    await client.query('COMMIT');
    return { applied };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
