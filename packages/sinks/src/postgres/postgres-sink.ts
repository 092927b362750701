import type pg from 'pg';
import type { StoryRecord } from '@wirehose/schemas';
import type { Sink, SinkOutcome } from '../sink.js';
import { quoteSchema } from './pg-schema.js';
import { recordCountries, recordEventTypes } from './story-row.js';

export interface PostgresSinkOptions {
  pool: pg.Pool;
  /** Schema holding the tables (`PG_SCHEMA`, default `wirehose`); `migrate` must have run. */
  schema?: string;
  name?: string;
}

/**
 * Upserts each record into `stories` (by id) and replaces its rows in `story_events`, in one transaction.
 * The upsert only wins when the incoming version is higher than the stored one, so redelivery is a no-op
 * and an older version arriving late never overwrites a newer one.
 */
export function createPostgresSink({ pool, schema, name = 'postgres' }: PostgresSinkOptions): Sink {
  const s = quoteSchema(schema);
  const upsertStory = `
INSERT INTO ${s}.stories AS cur (
  id, version, content_hash, published_at, title, body, url, language, first_published_at,
  original_source, outlets, countries, event_types, copy_count, record, status, merged_into, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, now())
ON CONFLICT (id) DO UPDATE SET
  version = EXCLUDED.version, content_hash = EXCLUDED.content_hash, published_at = EXCLUDED.published_at,
  title = EXCLUDED.title, body = EXCLUDED.body, url = EXCLUDED.url, language = EXCLUDED.language,
  first_published_at = EXCLUDED.first_published_at, original_source = EXCLUDED.original_source,
  outlets = EXCLUDED.outlets, countries = EXCLUDED.countries, event_types = EXCLUDED.event_types,
  copy_count = EXCLUDED.copy_count, record = EXCLUDED.record, status = EXCLUDED.status,
  merged_into = EXCLUDED.merged_into, updated_at = now()
WHERE cur.version < EXCLUDED.version
RETURNING id`;
  const insertEvents = `
INSERT INTO ${s}.story_events (
  story_id, event_id, story_version, type, mode, cameo_code, goldstein, source_code, source_country,
  target_codes, target_countries, event_date, polarity, confidence, sentence, event)
SELECT $1, e.id, $2, e.type, e.mode, e.cameo->>'code', (e.cameo->>'goldstein')::double precision,
  e.source->>'code', e.source->>'country',
  COALESCE(ARRAY(SELECT t->>'code' FROM jsonb_array_elements(e.targets) t), '{}'),
  COALESCE(ARRAY(SELECT t->>'country' FROM jsonb_array_elements(e.targets) t WHERE t->>'country' IS NOT NULL), '{}'),
  e.date, e.polarity, e.confidence, e.evidence->>'sentence', e.event
FROM (
  SELECT x->>'id' AS id, x->>'type' AS type, x->>'mode' AS mode, x->'cameo' AS cameo,
    NULLIF(x->'source', 'null'::jsonb) AS source, x->'targets' AS targets, (x->>'date')::date AS date,
    x->>'polarity' AS polarity, (x->>'confidence')::double precision AS confidence,
    x->'evidence' AS evidence, x AS event
  FROM jsonb_array_elements($3::jsonb) x
) e
ON CONFLICT (story_id, event_id) DO NOTHING`;

  return {
    name,
    async write(record: StoryRecord): Promise<SinkOutcome> {
      const client = await pool.connect();
      // A connection lost while this client is checked out also fails the query in flight, which
      // rejects below; without a listener the client's 'error' event would end the process.
      const onLost = (): void => undefined;
      client.on('error', onLost);
      try {
        await client.query('BEGIN');
        const story = record.story;
        const won = await client.query(upsertStory, [
          record.id,
          record.version,
          record.contentHash,
          record.publishedAt,
          story.title,
          story.text,
          story.url,
          story.language,
          story.firstPublishedAt,
          story.original.source,
          story.outlets,
          recordCountries(record),
          recordEventTypes(record),
          story.copyCount,
          JSON.stringify(record),
          record.status,
          record.mergedInto,
        ]);
        if (won.rowCount === 0) {
          await client.query('ROLLBACK');
          return 'skipped';
        }
        await client.query(`DELETE FROM ${s}.story_events WHERE story_id = $1`, [record.id]);
        if (record.events.length > 0)
          await client.query(insertEvents, [record.id, record.version, JSON.stringify(record.events)]);
        await client.query('COMMIT');
        return 'written';
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new Error(`postgres sink could not apply story ${record.id} v${record.version}`, {
          cause: err,
        });
      } finally {
        client.off('error', onLost);
        client.release();
      }
    },
    // The pool belongs to whoever made it.
    async close() {},
  };
}
