import { z } from 'zod';
import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import type { Redis } from '@wirehose/queue';
import type { Source } from '@wirehose/schemas';
import { checkSourceUrls } from '@wirehose/sources';
import { FetcherEnvSchema } from '@wirehose/svc-fetcher';
import type { Command, OptionSpec } from './command.js';

const SourcesEnvSchema = BaseEnvSchema.extend({
  SOURCES_FILE: z.string().default('sources.yaml'),
  // `sources check` applies the fetcher's URL policy, configured as the fetcher's is.
  ...FetcherEnvSchema.pick({ FETCH_ALLOW_PRIVATE: true, FETCH_ALLOW_HOSTS: true }).shape,
});

/** One row of `wirehose sources list`. */
export interface SourceRow {
  name: string;
  kind: string;
  everySeconds: number | null;
  enabled: boolean;
  /** Whether the source is in the file (a schedule can outlive it until the scheduler reloads). */
  inFile: boolean;
  lastPollAt: string | null;
  status: string | null;
  nextRunAt: string | null;
  polls: number;
  errors: number;
  notModified: number;
  discovered: number;
  enqueued: number;
  detail: string | null;
}

/** Each source of the file (and each schedule left without one) with its poll stats and next run. */
export async function listSources(
  redis: Redis,
  prefix: string,
  sources: readonly Source[],
): Promise<SourceRow[]> {
  // Loaded here, not at start-up: `wirehose --help` and `sources check` do not need them.
  const [{ Queue }, { crawlQueue, queueOptions }, { createSourceStats }] = await Promise.all([
    import('bullmq'),
    import('@wirehose/queue'),
    import('@wirehose/svc-fetcher'),
  ]);
  const stats = createSourceStats(redis, prefix);
  const queue = new Queue(crawlQueue.name, queueOptions({ connection: redis, prefix }, crawlQueue.name));
  try {
    const schedulers = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
    const names = [...new Set([...sources.map((s) => s.name), ...schedulers.keys()])];
    return await Promise.all(
      names.map(async (name) => {
        const source = sources.find((s) => s.name === name);
        const scheduler = schedulers.get(name);
        const s = await stats.get(name);
        return {
          name,
          kind: source?.kind ?? '?',
          everySeconds: source ? source.intervalSeconds : scheduler?.every ? scheduler.every / 1000 : null,
          enabled: source?.enabled ?? true,
          inFile: source !== undefined,
          lastPollAt: s.lastPollAt,
          status: s.lastStatus,
          nextRunAt: scheduler?.next ? new Date(scheduler.next).toISOString() : null,
          polls: s.polls,
          errors: s.errors,
          notModified: s.notModified,
          discovered: s.discovered,
          enqueued: s.enqueued,
          detail: s.lastDetail,
        };
      }),
    );
  } finally {
    await queue.close();
  }
}

/** Rows as aligned text columns. */
export function formatSourceRows(rows: readonly SourceRow[]): string[] {
  const header = [
    'NAME',
    'KIND',
    'EVERY',
    'LAST POLL',
    'STATUS',
    'NEXT RUN',
    'POLLS',
    'ERRORS',
    '304',
    'FOUND',
    'QUEUED',
  ];
  const table = rows.map((r) => [
    r.inFile ? r.name : `${r.name} (not in file)`,
    r.kind,
    r.everySeconds === null ? '-' : `${r.everySeconds}s`,
    r.lastPollAt ?? 'never',
    r.status ?? '-',
    r.nextRunAt ?? (r.enabled ? 'not scheduled' : 'disabled'),
    String(r.polls),
    String(r.errors),
    String(r.notModified),
    String(r.discovered),
    String(r.enqueued),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...table.map(line)];
  for (const r of rows) if (r.detail && r.status === 'error') out.push(`  ${r.name}: ${r.detail}`);
  return out;
}

const FILE_OPTION: OptionSpec = {
  name: 'file',
  value: 'FILE',
  description: 'the sources file (default: SOURCES_FILE or sources.yaml; see sources.example.yaml)',
};

export const sourcesCommand: Command = {
  name: 'sources',
  summary: 'list the sources with their poll status, or check the sources file',
  examples: ['sources list', 'sources check --file my-sources.yaml'],
  subcommands: [
    {
      name: 'list',
      summary: 'each source: last poll, status, next run, counts (needs REDIS_URL)',
      options: [FILE_OPTION],
      examples: [
        'sources list',
        'REDIS_URL=redis://127.0.0.1:6379 wirehose sources list --file sources.yaml',
      ],
    },
    {
      name: 'check',
      summary:
        'validate the sources file (errors name the line and field) and its URLs against the fetch policy',
      options: [FILE_OPTION],
      examples: ['sources check', 'sources check --file sources.example.yaml'],
    },
  ],
  async run({ args, flags, env, print }) {
    const config = loadConfig(SourcesEnvSchema, env);
    const file = typeof flags['file'] === 'string' ? flags['file'] : config.SOURCES_FILE;
    const [action] = args;
    if (action !== 'list' && action !== 'check')
      throw new Error(`unknown sources sub-command "${action ?? ''}"; use list or check`);
    const { readSourcesFile } = await import('../sources-file.js');
    const { sources } = await readSourcesFile(file);
    if (action === 'check') {
      const policy = { allowPrivate: config.FETCH_ALLOW_PRIVATE, allowHosts: config.FETCH_ALLOW_HOSTS };
      const verdicts = await checkSourceUrls(sources, policy);
      for (const v of verdicts.filter((x) => x.status !== 'allowed'))
        print(
          `  ${v.name}: ${v.url} ${v.status === 'refused' ? 'refused' : 'not checked'}: ${v.reason ?? ''}`,
        );
      const refused = verdicts.filter((v) => v.status === 'refused').length;
      print(
        refused > 0
          ? `${file}: ${sources.length} source(s), ${refused} refused by the fetcher's URL policy (FETCH_ALLOW_PRIVATE, FETCH_ALLOW_HOSTS)`
          : `${file}: ${sources.length} source(s), valid`,
      );
      return refused > 0 ? 1 : 0;
    }
    if (!config.REDIS_URL)
      throw new Error(
        'sources list needs REDIS_URL: poll stats live in the Redis the services use (e.g. REDIS_URL=redis://127.0.0.1:6379)',
      );
    const [{ checkRedis }, { createRedis }] = await Promise.all([
      import('../reach.js'),
      import('@wirehose/queue'),
    ]);
    await checkRedis(config.REDIS_URL);
    const redis = createRedis(config.REDIS_URL, 'producer', { enableOfflineQueue: true });
    try {
      for (const line of formatSourceRows(await listSources(redis, config.WIREHOSE_PREFIX, sources)))
        print(line);
      return 0;
    } finally {
      redis.disconnect();
    }
  },
};
