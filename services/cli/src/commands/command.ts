import type { Logger } from '@wirehose/logger';

/** What every CLI command gets. */
export interface CommandContext {
  /** Positional arguments after the command name. */
  args: string[];
  /** Parsed `--flags` (strings and booleans), as given. */
  flags: Record<string, string | boolean | undefined>;
  env: Record<string, string | undefined>;
  log: Logger;
  /** Human output (progress, tables, summaries) goes here, logs go to stderr. */
  print: (line: string) => void;
}

/** A `wirehose` sub-command. Returns the process exit code. */
export interface Command {
  name: string;
  /** One usage line per form, shown by `wirehose --help`. */
  usage: string[];
  /** Flags it accepts, for the argument parser. */
  flags?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  run(ctx: CommandContext): Promise<number>;
}
