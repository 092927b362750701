import type { Command, OptionSpec } from './command.js';

const FILE_OPTION: OptionSpec = {
  name: 'file',
  value: 'FILE',
  description: 'the sources file (default: SOURCES_FILE or sources.yaml; see sources.example.yaml)',
};

/**
 * What `wirehose sources` takes and its help, apart from its code (sources-command.ts), so the command
 * table can show help without loading the fetcher.
 */
export const sourcesSpec = {
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
      summary: 'validate the sources file (errors name the line and field)',
      options: [FILE_OPTION],
      examples: ['sources check', 'sources check --file sources.example.yaml'],
    },
  ],
} satisfies Omit<Command, 'run'>;
