import type { Command } from './command.js';
import { demoCommand } from './demo-command.js';
import { dlqCommand } from './dlq-command.js';
import { runCommand } from './run-command.js';

/** Every `wirehose` command. Add a command: write `commands/<name>-command.ts` and list it here. */
export const COMMANDS: readonly Command[] = [demoCommand, runCommand, dlqCommand];
