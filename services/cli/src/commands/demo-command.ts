import { z } from 'zod';
import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import { ensureRedis } from '../private-redis.js';
import type { Command } from './command.js';
import { runDemo } from './demo.js';

const DemoEnvSchema = BaseEnvSchema.extend({
  /** The demo's NDJSON output. */
  DEMO_OUT: z.string().default('out/demo-records.ndjson'),
});

export const demoCommand: Command = {
  name: 'demo',
  usage: ['demo [--out FILE]              run the whole pipeline once over the bundled sample site'],
  flags: { out: { type: 'string' } },
  async run({ flags, env, log, print }) {
    const config = loadConfig(DemoEnvSchema, env);
    const redis = await ensureRedis(config.REDIS_URL);
    if (redis.isPrivate) print(`started a private redis-server at ${redis.url} (stopped on exit)`);
    try {
      const result = await runDemo({
        redisUrl: redis.url,
        prefix: config.WIREHOSE_PREFIX,
        outPath: typeof flags['out'] === 'string' ? flags['out'] : config.DEMO_OUT,
        log,
        env,
        print,
        redisIsPrivate: redis.isPrivate,
      });
      return result.records.length > 0 ? 0 : 1;
    } finally {
      await redis.stop();
    }
  },
};
