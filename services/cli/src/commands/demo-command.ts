import { resolve } from 'node:path';
import { z } from 'zod';
import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import type { Command } from './command.js';

const DemoEnvSchema = BaseEnvSchema.extend({
  /** The demo's NDJSON output. */
  DEMO_OUT: z.string().default('out/demo-records.ndjson'),
});

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the whole pipeline once over the bundled sample site and summarise the stories',
  options: [
    {
      name: 'out',
      value: 'FILE',
      description: 'where the NDJSON records go (default: DEMO_OUT or out/demo-records.ndjson)',
    },
  ],
  examples: ['demo', 'demo --out /tmp/records.ndjson', 'REDIS_URL=redis://127.0.0.1:6379 wirehose demo'],
  handlesSignals: true,
  async run({ flags, env, log, print, signal }) {
    const config = loadConfig(DemoEnvSchema, env);
    const outPath = resolve(typeof flags['out'] === 'string' ? flags['out'] : config.DEMO_OUT);
    // Checked before anything is loaded or started: a path that cannot be written, a Redis that does
    // not answer.
    const { assertWritable, checkRedis } = await import('../reach.js');
    await assertWritable(outPath);
    if (config.REDIS_URL) await checkRedis(config.REDIS_URL);
    const [{ ensureRedis }, { runDemo }] = await Promise.all([
      import('../private-redis.js'),
      import('./demo.js'),
    ]);
    const redis = await ensureRedis(config.REDIS_URL);
    if (redis.isPrivate) print(`started a private redis-server at ${redis.url} (stopped on exit)`);
    try {
      const result = await runDemo({
        redisUrl: redis.url,
        prefix: config.WIREHOSE_PREFIX,
        outPath,
        log,
        env,
        print,
        redisIsPrivate: redis.isPrivate,
        ...(signal ? { signal } : {}),
      });
      return result.records.length > 0 ? 0 : 1;
    } finally {
      await redis.stop();
    }
  },
};
