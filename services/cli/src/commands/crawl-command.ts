import { z } from 'zod';
import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import { didYouMean } from '../closest.js';
import type { Command } from './command.js';

export const crawlCommand: Command = {
  name: 'crawl',
  summary: 'poll sources now: queue a poll for the fetcher services, or poll in this process (--once)',
  arguments: '[source...]',
  options: [
    { name: 'once', description: 'poll in this process with a progress line per document, then exit' },
    {
      name: 'file',
      value: 'FILE',
      description: 'the sources file (default: SOURCES_FILE or sources.yaml; see sources.example.yaml)',
    },
  ],
  examples: [
    'crawl --once reuters-world',
    'crawl reuters-world ap-top',
    'crawl --once --file my-sources.yaml feed',
  ],
  async run({ args, flags, env, log, print }) {
    // The light checks first (the file, the names, Redis), then the fetcher's code and settings.
    const base = loadConfig(BaseEnvSchema.extend({ SOURCES_FILE: z.string().default('sources.yaml') }), env);
    if (!base.REDIS_URL)
      throw new Error(
        'crawl needs REDIS_URL: the seen-set and queues live in Redis (e.g. REDIS_URL=redis://127.0.0.1:6379)',
      );
    const [{ readSourcesFile }, { checkRedis }] = await Promise.all([
      import('../sources-file.js'),
      import('../reach.js'),
    ]);
    const file = typeof flags['file'] === 'string' ? flags['file'] : base.SOURCES_FILE;
    const { sources } = await readSourcesFile(file);
    const names = sources.map((s) => s.name);
    if (args.length === 0) throw new Error(`crawl needs source names; ${file} has: ${names.join(', ')}`);
    const chosen = args.map((name) => {
      const source = sources.find((s) => s.name === name);
      if (!source)
        throw new Error(
          `no source "${name}" in ${file}${didYouMean(name, names)} (it has: ${names.join(', ')})`,
        );
      return source;
    });
    await checkRedis(base.REDIS_URL);
    const [{ FetcherEnvSchema }, { crawlQueue, createProducer, createRedis }, { crawlOnce }] =
      await Promise.all([
        import('@wirehose/svc-fetcher'),
        import('@wirehose/queue'),
        import('../crawl-once.js'),
      ]);
    const config = { ...loadConfig(FetcherEnvSchema, env), REDIS_URL: base.REDIS_URL };
    const redis = createRedis(config.REDIS_URL, 'producer', { enableOfflineQueue: true });
    try {
      if (!flags['once']) {
        const crawls = createProducer(crawlQueue, { connection: redis, prefix: config.WIREHOSE_PREFIX });
        try {
          for (const source of chosen)
            print(`queued a poll of ${source.name} as job ${await crawls.add({ source })}`);
        } finally {
          await crawls.close();
        }
        return 0;
      }
      let errors = 0;
      for (const source of chosen) {
        const summary = await crawlOnce({
          redis,
          prefix: config.WIREHOSE_PREFIX,
          config,
          source,
          log,
          print,
        });
        errors += summary.errors;
      }
      return errors > 0 ? 1 : 0;
    } finally {
      redis.disconnect();
    }
  },
};
