import type { Command } from './command.js';
import { crawlCommand } from './crawl-command.js';
import { demoCommand } from './demo-command.js';
import { dlqCommand } from './dlq-command.js';
import { runCommand } from './run-command.js';
import { sourcesSpec } from './sources-spec.js';
import { consumeCommand } from './consume-command.js';
import { replayCommand } from './replay-command.js';
import { migrateCommand } from './migrate-command.js';
import { searchCommand } from './search-command.js';

/** `sources` loads its code (and the fetcher's) only when it runs. */
const sourcesCommand: Command = {
  ...sourcesSpec,
  async run(ctx) {
    const { sourcesCommand: command } = await import('./sources-command.js');
    return command.run(ctx);
  },
};

/** Every `wirehose` command. Add a command: write `commands/<name>-command.ts` and list it here. */
export const COMMANDS: readonly Command[] = [
  demoCommand,
  runCommand,
  dlqCommand,
  consumeCommand,
  replayCommand,
  migrateCommand,
  searchCommand,
  crawlCommand,
  sourcesCommand,
];
