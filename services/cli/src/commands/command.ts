import type { Logger } from '@wirehose/logger';

/** What every CLI command gets. */
export interface CommandContext {
  /** Positional arguments after the command name (for a command with sub-commands: the sub-command first). */
  args: string[];
  /** Parsed `--flags` (strings, string lists and booleans) keyed by their long name, as given. */
  flags: Record<string, string | string[] | boolean | undefined>;
  env: Record<string, string | undefined>;
  log: Logger;
  /** Human output (progress, tables, summaries) goes here, logs go to stderr. */
  print: (line: string) => void;
  /**
   * Aborted on SIGTERM or SIGINT, for commands that declare `handlesSignals` (they stop and return);
   * other commands are ended by the CLI on a signal. Absent when a test calls `run` directly.
   */
  signal?: AbortSignal;
}

/** One `--option` of a command. */
export interface OptionSpec {
  /** Long name without dashes (`out`, `claim-idle`); the `flags` key. */
  name: string;
  /** One-letter alias, if any. */
  short?: string;
  /** Placeholder of the value (`FILE`, `MS`); absent for a boolean switch. */
  value?: string;
  /** The option may be given several times; its value is then a list. */
  multiple?: boolean;
  description: string;
}

/** A sub-command (`dlq list`): its own arguments, options and help. */
export interface SubcommandSpec {
  name: string;
  summary: string;
  /** Positional arguments in commander's notation: `<id...>`, `[source...]`. */
  arguments?: string;
  options?: readonly OptionSpec[];
  /** Shell lines shown under "Examples" in `--help`, without the leading `wirehose `. */
  examples: readonly string[];
}

/** A `wirehose` sub-command. Returns the process exit code. */
export interface Command {
  name: string;
  /** One line for `wirehose --help`. */
  summary: string;
  /** Positional arguments in commander's notation: `<query...>`, `[service...]`. */
  arguments?: string;
  options?: readonly OptionSpec[];
  /** Shell lines shown under "Examples" in `--help`, without the leading `wirehose `. */
  examples: readonly string[];
  /** Sub-commands (`dlq list`, `dlq retry`); `run` then gets the sub-command's name as `args[0]`. */
  subcommands?: readonly SubcommandSpec[];
  /** The command stops by itself on `signal` (and cleans up); otherwise a signal ends the process. */
  handlesSignals?: boolean;
  run(ctx: CommandContext): Promise<number>;
}
