import { loadConfig } from '@wirehose/config';
import { PLOVER_TYPES } from '@wirehose/schemas';
import { didYouMean } from '../closest.js';
import type { Command } from './command.js';

function parseDate(value: string, flag: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new Error(`--${flag} needs a date (2026-11-24 or an ISO time), got "${value}"`);
  return date;
}

/**
 * The search highlight (`<b>…</b>` around matched words) for a terminal: bold when `bold` (stdout is a
 * TTY), plain text otherwise; white space folded.
 */
export function renderHighlight(highlight: string, bold: boolean): string {
  return highlight
    .replace(/<b>/g, bold ? '\u001b[1m' : '')
    .replace(/<\/b>/g, bold ? '\u001b[22m' : '')
    .replace(/\s+/g, ' ');
}

function ploverType(input: string): string {
  const type = input.toUpperCase();
  if ((PLOVER_TYPES as readonly string[]).includes(type)) return type;
  throw new Error(
    `--type expects a PLOVER event type; "${input}" is not one${didYouMean(type, PLOVER_TYPES)} (types: ${PLOVER_TYPES.join(', ')})`,
  );
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'ranked full-text search of the published stories, with highlights (PostgreSQL index)',
  arguments: '<query...>',
  options: [
    { name: 'since', value: 'DATE', description: 'stories first published at or after DATE (2026-11-24)' },
    {
      name: 'country',
      value: 'ISO3',
      description: 'stories with an event actor of this country (VEN or Venezuela)',
    },
    {
      name: 'type',
      value: 'PLOVER',
      description: 'stories with an event of this PLOVER type (REQUEST, PROTEST, ...)',
    },
    { name: 'limit', value: 'N', description: 'at most N hits (default 20, at most 100)' },
    { name: 'schema', value: 'NAME', description: 'PostgreSQL schema (default: PG_SCHEMA or wirehose)' },
    { name: 'json', description: 'a JSON array of hits (`[]` when none)' },
  ],
  examples: [
    'search "military aid"',
    'search "military aid" --country Venezuela --since 2026-11-01',
    'search protest --type PROTEST --limit 5 --json',
  ],
  async run({ args, flags, env, print }) {
    const [{ openPool, PublisherEnvSchema, searchStories }, reach] = await Promise.all([
      import('@wirehose/svc-publisher'),
      import('../reach.js'),
    ]);
    const config = loadConfig(PublisherEnvSchema, env);
    const query = args.join(' ').trim();
    if (!query) throw new Error('search needs a query, e.g. wirehose search "military aid"');
    const str = (name: string): string | undefined =>
      typeof flags[name] === 'string' ? flags[name] : undefined;
    const since = str('since');
    const countryText = str('country');
    const typeText = str('type');
    const limit = str('limit');
    if (limit !== undefined && !/^\d+$/.test(limit))
      throw new Error(`--limit needs a number, got "${limit}"`);
    let country: string | undefined;
    if (countryText !== undefined) {
      const { loadCountryNames, resolveCountry } = await import('../countries.js');
      country = resolveCountry(countryText, await loadCountryNames());
    }
    const type = typeText === undefined ? undefined : ploverType(typeText);
    const schema = str('schema') ?? config.PG_SCHEMA;
    reach.checkDatabaseUrl(config.DATABASE_URL);
    const pool = openPool(config.DATABASE_URL);
    try {
      await reach.checkPostgres(pool, config.DATABASE_URL);
      const hits = await searchStories(pool, {
        schema,
        query,
        ...(since ? { since: parseDate(since, 'since') } : {}),
        ...(country ? { country } : {}),
        ...(type ? { type } : {}),
        ...(limit ? { limit: Number(limit) } : {}),
      }).catch((err: unknown) => {
        throw reach.explainIndexError(err, schema);
      });
      if (flags['json']) {
        print(JSON.stringify(hits, null, 2));
        return 0;
      }
      if (hits.length === 0) print('no stories match');
      const bold = process.stdout.isTTY;
      hits.forEach((hit, i) => {
        print(`${i + 1}. ${hit.title}  [rank ${hit.rank.toFixed(4)}; ${hit.id} v${hit.version}]`);
        print(`   ${hit.url}`);
        print(
          `   ${hit.firstPublishedAt ?? 'undated'}; ${hit.outlets.join(', ')}${hit.eventTypes.length ? `; events: ${hit.eventTypes.join(', ')}` : ''}`,
        );
        print(`   ${renderHighlight(hit.highlight, bold)}`);
      });
      return 0;
    } finally {
      await pool.end();
    }
  },
};
