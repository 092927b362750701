import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import { createDeadLetters, createRedis } from '@wirehose/queue';
import type { Command } from './command.js';
import { listDeadLetters, retryDeadLetters } from './dlq.js';

export const dlqCommand: Command = {
  name: 'dlq',
  usage: [
    'dlq list [--queue NAME]        show dead letters with their error and payload',
    'dlq retry ID... | --all        re-queue dead letters on their original queues',
  ],
  flags: { queue: { type: 'string' }, all: { type: 'boolean' } },
  async run({ args, flags, env, print }) {
    const config = loadConfig(BaseEnvSchema, env);
    const [action, ...ids] = args;
    if (!config.REDIS_URL)
      throw new Error('dlq needs REDIS_URL: the dead letters live in the Redis the services use');
    const connection = createRedis(config.REDIS_URL, 'producer', { enableOfflineQueue: true });
    const deadLetters = createDeadLetters({ connection, prefix: config.WIREHOSE_PREFIX });
    try {
      if (action === 'list') {
        await listDeadLetters(
          deadLetters,
          print,
          typeof flags['queue'] === 'string' ? flags['queue'] : undefined,
        );
        return 0;
      }
      if (action === 'retry') {
        if (!flags['all'] && ids.length === 0) throw new Error('dlq retry needs dead-letter ids or --all');
        await retryDeadLetters(deadLetters, flags['all'] ? 'all' : ids, print);
        return 0;
      }
      throw new Error(`unknown dlq action "${action ?? ''}"; use list or retry`);
    } finally {
      await deadLetters.close();
      connection.disconnect();
    }
  },
};
