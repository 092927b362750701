import { CommanderError } from 'commander';
import { BaseEnvSchema, loadConfig } from '@wirehose/config';
import { createLogger } from '@wirehose/logger';
import { COMMANDS } from './commands/index.js';
import { buildProgram, parseExitCode, type Invocation } from './program.js';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * An error as the user sees it: its message (which says what failed and how to fix it) after
 * `wirehose:`. The stack trace only with LOG_LEVEL=debug or trace, for whoever debugs wirehose itself.
 */
function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const debug = ['debug', 'trace'].includes(process.env['LOG_LEVEL'] ?? '');
  return `wirehose: ${message}\n${debug && err instanceof Error && err.stack ? `${err.stack}\n` : ''}`;
}

async function main(argv: string[]): Promise<number> {
  let invocation: Invocation | undefined;
  const program = buildProgram(COMMANDS, (i) => (invocation = i), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    // Help asked for exits 0; a usage error (unknown command or option, missing argument) exits 2.
    if (err instanceof CommanderError) return parseExitCode(err);
    throw err;
  }
  if (!invocation) return 0;
  const { command, args, flags } = invocation;
  const env = process.env;
  // Human output goes to stdout; pino's JSON logs go to stderr so the two never mix.
  const { LOG_LEVEL } = loadConfig(BaseEnvSchema.pick({ LOG_LEVEL: true }), env);
  const quiet = command.name === 'demo' && !env['LOG_LEVEL'];
  // No `service` here: the services a command starts each bind their own (forService).
  const log = createLogger({
    level: quiet ? 'warn' : LOG_LEVEL,
    destination: process.stderr,
  });

  // SIGTERM/SIGINT at any time: a command that stops by itself (run, demo, consume) is told through
  // `signal` and a second signal ends it; any other command is ended at once. Either way the process
  // exits, and a private redis-server goes with it (its exit hook).
  const stop = new AbortController();
  let stoppedBy: 'SIGINT' | 'SIGTERM' | undefined;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM'): void => {
    if (stoppedBy || !command.handlesSignals) {
      process.stderr.write(`wirehose: stopped by ${signal}\n`);
      process.exit(SIGNAL_EXIT[signal]);
    }
    stoppedBy = signal;
    stop.abort(signal);
    // A command that cannot stop (stuck in a system call) is ended after its shutdown deadline anyway.
    const graceMs = (Number(env['SHUTDOWN_TIMEOUT_MS']) || 10_000) + 5_000;
    setTimeout(() => {
      process.stderr.write(`wirehose: did not stop within ${graceMs} ms of ${signal}; exiting\n`);
      process.exit(1);
    }, graceMs).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await command.run({ args, flags, env, log, print, signal: stop.signal });
  } catch (err) {
    if (stoppedBy) {
      process.stderr.write(`wirehose: stopped by ${stoppedBy}\n`);
      return SIGNAL_EXIT[stoppedBy];
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(errorText(err));
    process.exit(
      typeof (err as { exitCode?: unknown }).exitCode === 'number'
        ? (err as { exitCode: number }).exitCode
        : 1,
    );
  },
);
