import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import type { Command } from './command.js';

export const dlqCommand: Command = {
  name: 'dlq',
  summary: 'the dead-letter queue: list failed jobs, or re-queue them',
  examples: ['dlq list', 'dlq list --queue fetch', 'dlq retry --all'],
  subcommands: [
    {
      name: 'list',
      summary: 'show dead letters, newest first, with their error and payload',
      options: [
        { name: 'queue', value: 'NAME', description: 'only those of one queue (fetch, extract, ...)' },
      ],
      examples: ['dlq list', 'dlq list --queue publish-webhook'],
    },
    {
      name: 'retry',
      summary: 're-queue dead letters on their original queues',
      arguments: '[id...]',
      options: [{ name: 'all', description: 'every dead letter' }],
      examples: ['dlq retry 17 18', 'dlq retry --all'],
    },
  ],
  async run({ args, flags, env, print }) {
    const config = loadConfig(BaseEnvSchema, env);
    const [action, ...ids] = args;
    if (action !== 'list' && action !== 'retry')
      throw new Error(`unknown dlq sub-command "${action ?? ''}"; use list or retry`);
    if (action === 'retry' && !flags['all'] && ids.length === 0)
      throw new Error('dlq retry needs dead-letter ids or --all (ids: wirehose dlq list)');
    if (!config.REDIS_URL)
      throw new Error(
        'dlq needs REDIS_URL: the dead letters live in the Redis the services use (e.g. REDIS_URL=redis://127.0.0.1:6379)',
      );
    const [{ checkRedis }, { createDeadLetters, createRedis }, { listDeadLetters, retryDeadLetters }] =
      await Promise.all([import('../reach.js'), import('@wirehose/queue'), import('./dlq.js')]);
    await checkRedis(config.REDIS_URL);
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
      await retryDeadLetters(deadLetters, flags['all'] ? 'all' : ids, print);
      return 0;
    } finally {
      await deadLetters.close();
      connection.disconnect();
    }
  },
};
