import { Command as Program, CommanderError, Option } from 'commander';
import type { Command, CommandContext, OptionSpec, SubcommandSpec } from './commands/command.js';

/** The exit code of a parse that ended early: 0 after help asked for, 2 for a usage error. */
export function parseExitCode(err: CommanderError): number {
  return err.exitCode === 0 ? 0 : 2;
}

/** What the command line asked for: a command, its positionals and its flags. */
export interface Invocation {
  command: Command;
  args: string[];
  flags: CommandContext['flags'];
}

const ENVIRONMENT = `Environment:
  REDIS_URL        the Redis the services share (unset: run and demo start a private redis-server)
  DATABASE_URL     PostgreSQL for the search index (migrate, search, replay --from postgres)
  SOURCES_FILE     the sources file (default sources.yaml; start from sources.example.yaml)
  WIREHOSE_PREFIX  prefix of every Redis key (default wh)
  LOG_LEVEL        pino level of the JSON logs on stderr (default info; demo: warn)
Each service's own settings: README, "Configuration".`;

function addOptions(target: Program, options: readonly OptionSpec[] | undefined): void {
  for (const spec of options ?? []) {
    const flags = `${spec.short ? `-${spec.short}, ` : ''}--${spec.name}${spec.value ? ` <${spec.value}>` : ''}`;
    const option = new Option(flags, spec.description);
    if (spec.multiple)
      option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    target.addOption(option);
  }
}

function flagValues(target: Program, options: readonly OptionSpec[] | undefined): CommandContext['flags'] {
  const values: CommandContext['flags'] = {};
  for (const option of target.options) {
    const spec = options?.find((o) => option.long === `--${o.name}`);
    if (!spec) continue;
    const value: unknown = target.getOptionValue(option.attributeName());
    if (typeof value === 'string' || typeof value === 'boolean' || Array.isArray(value))
      values[spec.name] = value as string | string[] | boolean;
  }
  return values;
}

function describe(target: Program, spec: Command | SubcommandSpec, path: string): void {
  target.summary(spec.summary).description(spec.summary);
  if (spec.arguments) target.arguments(spec.arguments);
  addOptions(target, spec.options);
  // After a usage error (commander has named the closest command or option when one is close): what
  // this command does take.
  const subcommands = 'subcommands' in spec ? (spec.subcommands ?? []) : [];
  const takes =
    subcommands.length > 0
      ? `wirehose ${path} has: ${subcommands.map((s) => s.name).join(', ')}`
      : `wirehose ${path} takes: ${
          [...(spec.options ?? []).map((o) => `--${o.name}`), spec.arguments].filter(Boolean).join(' ') ||
          'no options'
        }`;
  target.showHelpAfterError(`(${takes}; \`wirehose ${path} --help\` for more)`);
  target.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ wirehose ${e}`).join('\n')}`);
}

/**
 * The `wirehose` command line, built from the command table: `--help`/`-h` and `wirehose help COMMAND` on
 * every command and sub-command (options and examples), and an unknown command, sub-command or option
 * named with the closest known one. Parsing records the invocation in `onInvoke`; it runs nothing.
 * Errors and help are thrown as commander's `CommanderError` (`exitOverride`), never `process.exit`.
 */
export function buildProgram(
  commands: readonly Command[],
  onInvoke: (invocation: Invocation) => void,
  output: { out: (text: string) => void; err: (text: string) => void },
): Program {
  const program = new Program('wirehose')
    .description('wirehose: news ingestion pipeline (crawl, extract, deduplicate, code events, publish)')
    .usage('<command> [options]')
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .showSuggestionAfterError(true)
    .showHelpAfterError('(`wirehose --help` lists the commands)')
    .addHelpText('after', `\n${ENVIRONMENT}\n\nExample:\n  $ wirehose demo\n  $ wirehose help crawl`);
  for (const command of commands) {
    const target = program.command(command.name);
    describe(target, command, command.name);
    if (!command.subcommands) {
      target.action(() => {
        onInvoke({ command, args: [...target.args], flags: flagValues(target, command.options) });
      });
      continue;
    }
    for (const sub of command.subcommands) {
      const child = target.command(sub.name);
      describe(child, sub, `${command.name} ${sub.name}`);
      child.action(() => {
        onInvoke({ command, args: [sub.name, ...child.args], flags: flagValues(child, sub.options) });
      });
    }
  }
  return program;
}
