import type pg from 'pg';
import { StoryRecordSchema, type StoryRecord } from '@wirehose/schemas';
import { quoteSchema } from './pg-schema.js';

/**
 * The records held by the index (the stored version of each story), published at or after `since`,
 * oldest first, in pages: the source for backfilling a new sink from PostgreSQL.
 */
export async function* readIndexedRecords(
  pool: pg.Pool,
  { schema, since = new Date(0), pageSize = 500 }: { schema?: string; since?: Date; pageSize?: number } = {},
): AsyncGenerator<StoryRecord> {
  const s = quoteSchema(schema);
  let afterAt: Date | null = null;
  let afterId = '';
  for (;;) {
    const { rows }: { rows: { record: unknown; published_at: Date; id: string }[] } = await pool.query(
      `SELECT id, published_at, record FROM ${s}.stories
       WHERE published_at >= $1 AND ($2::timestamptz IS NULL OR (published_at, id) > ($2, $3))
       ORDER BY published_at, id LIMIT $4`,
      [since, afterAt, afterId, pageSize],
    );
    for (const row of rows) yield StoryRecordSchema.parse(row.record);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    afterAt = last.published_at;
    afterId = last.id;
  }
}
