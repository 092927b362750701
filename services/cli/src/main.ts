import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createLogger } from '@wirehose/logger';
import { RedisNotFoundError } from './private-redis.js';
import { COMMANDS } from './commands/index.js';

function usage(): string {
  const lines = COMMANDS.flatMap((c) => c.usage.map((u) => `  wirehose ${u}`));
  return `wirehose — news ingestion pipeline\n\nUsage:\n${lines.join('\n')}\n
Environment: REDIS_URL (unset: run and demo start a private redis-server), WIREHOSE_PREFIX, LOG_LEVEL,
and each service's settings (README, "Configuration").`;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    print(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  const options: ParseArgsConfig['options'] = { ...command.flags };
  const { positionals, values } = parseArgs({ args: rest, allowPositionals: true, options, strict: true });
  const env = process.env;
  // Human output goes to stdout; pino's JSON logs go to stderr so the two never mix.
  const quiet = name === 'demo' && !env['LOG_LEVEL'];
  const log = createLogger({
    service: 'wirehose',
    level: quiet ? 'warn' : (env['LOG_LEVEL'] ?? 'info'),
    destination: process.stderr,
  });
  return command.run({
    args: positionals,
    flags: values as Record<string, string | boolean | undefined>,
    env,
    log,
    print,
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`wirehose: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof RedisNotFoundError ? 3 : 1);
  },
);
