import { loadConfig } from '@wirehose/config';
import { migrate, openPool, PublisherEnvSchema } from '@wirehose/svc-publisher';
import type { Command } from './command.js';

export const migrateCommand: Command = {
  name: 'migrate',
  usage: [
    'migrate [--schema NAME]        create or update the PostgreSQL search index (DATABASE_URL, PG_SCHEMA)',
  ],
  flags: { schema: { type: 'string' } },
  async run({ flags, env, print }) {
    const config = loadConfig(PublisherEnvSchema, env);
    const schema = typeof flags['schema'] === 'string' ? flags['schema'] : config.PG_SCHEMA;
    const pool = openPool(config.DATABASE_URL);
    try {
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
