import { loadConfig } from '@wirehose/config';
import type { Command } from './command.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'create or update the PostgreSQL search index (DATABASE_URL, PG_SCHEMA)',
  options: [
    { name: 'schema', value: 'NAME', description: 'PostgreSQL schema (default: PG_SCHEMA or wirehose)' },
  ],
  examples: ['migrate', 'DATABASE_URL=postgres://wirehose@db:5432/news wirehose migrate --schema wirehose'],
  async run({ flags, env, print }) {
    const [{ migrate, openPool, PublisherEnvSchema }, { checkDatabaseUrl, checkPostgres }] =
      await Promise.all([import('@wirehose/svc-publisher'), import('../reach.js')]);
    const config = loadConfig(PublisherEnvSchema, env);
    const schema = typeof flags['schema'] === 'string' ? flags['schema'] : config.PG_SCHEMA;
    checkDatabaseUrl(config.DATABASE_URL);
    const pool = openPool(config.DATABASE_URL);
    try {
      await checkPostgres(pool, config.DATABASE_URL);
      const { applied } = await migrate(pool, { schema });
      print(
        applied.length > 0
          ? `schema ${schema}: applied ${applied.join(', ')}`
          : `schema ${schema}: up to date, nothing to apply`,
      );
      return 0;
    } finally {
      await pool.end();
    }
  },
};
