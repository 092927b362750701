import pg from 'pg';

/** A PostgreSQL pool for one-off commands (migrate, search, backfill); the caller ends it. */
export function openPool(databaseUrl: string, max = 2): pg.Pool {
  return new pg.Pool({ connectionString: databaseUrl, max });
}
