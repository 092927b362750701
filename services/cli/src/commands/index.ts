import type { Command } from './command.js';
import { crawlCommand } from './crawl-command.js';
import { demoCommand } from './demo-command.js';
import { dlqCommand } from './dlq-command.js';
import { runCommand } from './run-command.js';
import { sourcesCommand } from './sources-command.js';
import { consumeCommand } from './consume-command.js';
import { replayCommand } from './replay-command.js';
import { migrateCommand } from './migrate-command.js';
import { searchCommand } from './search-command.js';

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
