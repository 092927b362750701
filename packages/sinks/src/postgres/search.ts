import type pg from 'pg';
import { quoteSchema } from './pg-schema.js';

export interface SearchOptions {
  schema?: string;
  /** Words, "quoted phrases", `or`, `-excluded` (PostgreSQL `websearch_to_tsquery` syntax). */
  query: string;
  /** Only stories first published (or, without a date, published by wirehose) at or after this. */
  since?: Date;
  /** Only stories with an event actor of this country (ISO-3166 alpha-3, e.g. `VEN`). */
  country?: string;
  /** Only stories with an event of this PLOVER type (e.g. `REQUEST`). */
  type?: string;
  /** At most this many hits (default 20, at most 100). */
  limit?: number;
}

export interface SearchHit {
  id: string;
  version: number;
  title: string;
  url: string;
  /** `ts_rank` over the weighted vector (title A, body B); higher is better. */
  rank: number;
  /** Fragments of the body around the matched words, matches wrapped in `<b>…</b>` (`ts_headline`). */
  highlight: string;
  firstPublishedAt: string | null;
  outlets: string[];
  eventTypes: string[];
}

interface HitRow {
  id: string;
  version: number;
  title: string;
  url: string;
  rank: number;
  highlight: string;
  first_published_at: Date | null;
  outlets: string[];
  event_types: string[];
}

/**
 * Full-text search over the story index, best first (ties: newest first). Stories merged into another
 * (`status: merged`) are left out. An empty query or one made only of stop words finds nothing.
 */
export async function searchStories(pool: pg.Pool, opts: SearchOptions): Promise<SearchHit[]> {
  const s = quoteSchema(opts.schema);
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 20), 1), 100);
  const { rows } = await pool.query<HitRow>(
    `
WITH q AS (SELECT websearch_to_tsquery('english', $1) AS query)
SELECT st.id, st.version, st.title, st.url,
  ts_rank(st.search, q.query)::float8 AS rank,
  ts_headline('english', st.body, q.query,
    'StartSel=<b>, StopSel=</b>, MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=" … "') AS highlight,
  st.first_published_at, st.outlets, st.event_types
FROM ${s}.stories st, q
WHERE st.search @@ q.query
  AND st.status = 'active'
  AND ($2::timestamptz IS NULL OR COALESCE(st.first_published_at, st.published_at) >= $2)
  AND ($3::text IS NULL OR $3 = ANY (st.countries))
  AND ($4::text IS NULL OR $4 = ANY (st.event_types))
ORDER BY rank DESC, st.first_published_at DESC NULLS LAST, st.id
LIMIT $5`,
    [
      opts.query,
      opts.since ?? null,
      opts.country?.toUpperCase() ?? null,
      opts.type?.toUpperCase() ?? null,
      limit,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    title: r.title,
    url: r.url,
    rank: r.rank,
    highlight: r.highlight,
    firstPublishedAt: r.first_published_at?.toISOString() ?? null,
    outlets: r.outlets,
    eventTypes: r.event_types,
  }));
}
