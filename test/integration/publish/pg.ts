import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test run uses. */
export function testSchema(): string {
  return `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export function openPool(): pg.Pool {
  return new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
}

/** Drop a test schema and everything in it. */
export async function dropSchema(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
