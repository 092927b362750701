import { loadConfig } from '@wirehose/config';
import { openPool, PublisherEnvSchema, searchStories } from '@wirehose/svc-publisher';
import type { Command } from './command.js';

function parseDate(value: string, flag: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new Error(`--${flag} needs a date (2026-11-24 or an ISO time), got "${value}"`);
  return date;
}

export const searchCommand: Command = {
  name: 'search',
  usage: [
    'search "QUERY" [--since DATE] [--country ISO3] [--type PLOVER] [--limit N] [--json]  ranked search with highlights',
  ],
  flags: {
    since: { type: 'string' },
    country: { type: 'string' },
    type: { type: 'string' },
    limit: { type: 'string' },
    schema: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ args, flags, env, print }) {
    const config = loadConfig(PublisherEnvSchema, env);
    const query = args.join(' ').trim();
    if (!query) throw new Error('search needs a query, e.g. wirehose search "military aid"');
    const str = (name: string): string | undefined =>
      typeof flags[name] === 'string' ? (flags[name] as string) : undefined;
    const since = str('since');
    const country = str('country');
    const type = str('type');
    const limit = str('limit');
    if (limit !== undefined && !/^\d+$/.test(limit))
      throw new Error(`--limit needs a number, got "${limit}"`);
    const pool = openPool(config.DATABASE_URL);
    try {
      const hits = await searchStories(pool, {
        schema: str('schema') ?? config.PG_SCHEMA,
        query,
        ...(since ? { since: parseDate(since, 'since') } : {}),
        ...(country ? { country } : {}),
        ...(type ? { type } : {}),
        ...(limit ? { limit: Number(limit) } : {}),
      });
      if (flags['json']) {
        for (const hit of hits) print(JSON.stringify(hit));
        return 0;
      }
      if (hits.length === 0) print('no stories match');
      hits.forEach((hit, i) => {
        print(`${i + 1}. ${hit.title}  [rank ${hit.rank.toFixed(4)}; ${hit.id} v${hit.version}]`);
        print(`   ${hit.url}`);
        print(
          `   ${hit.firstPublishedAt ?? 'undated'}; ${hit.outlets.join(', ')}${hit.eventTypes.length ? `; events: ${hit.eventTypes.join(', ')}` : ''}`,
        );
        print(`   ${hit.highlight.replace(/\s+/g, ' ')}`);
      });
      return 0;
    } finally {
      await pool.end();
    }
  },
};
