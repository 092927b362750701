/**
 * Converts the PETRARCH2 actor and agent dictionaries into the events package's compact actor
 * table (`lexicons/petrarch.actors.tsv`) and copies the MIT licence beside it.
 *
 *   pnpm -s lexicon:convert [--from ../shared/datasets/event-dictionaries] [--to packages/events/lexicons]
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { convertAgents, convertCountryActors, convertOrganizations } from '../src/lexicon/petrarch.js';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '../shared/datasets/event-dictionaries' },
    to: { type: 'string', default: 'packages/events/lexicons' },
  },
});
const read = (name: string): string => {
  const file = join(values.from, name);
  if (!existsSync(file)) {
    process.stderr.write(
      `lexicon:convert: ${file} not found (pass --from DIR holding the PETRARCH2 dictionaries)\n`,
    );
    process.exit(2);
  }
  return readFileSync(file, 'utf8');
};

const lines = [
  '# Actors converted from the PETRARCH2 dictionaries (openeventdata/petrarch2, MIT licence: see',
  '# LICENSE-petrarch2.txt beside this file) by packages/events/scripts/convert-petrarch.ts. Do not edit:',
  '# add a file of your own instead; curated YAML entries win over these.',
  '# P names roles | S surname roles | O names CODE | A words SECTOR; roles CODE or CODE@YYYYMMDD-YYYYMMDD.',
  ...convertCountryActors(read('Phoenix.Countries.actors.txt')),
  ...convertOrganizations(read('Phoenix.International.actors.txt')),
  ...convertOrganizations(read('Phoenix.MilNonState.actors.txt')),
  ...convertAgents(read('Phoenix.agents.txt')),
];
const out = join(values.to, 'petrarch.actors.tsv');
writeFileSync(out, `${lines.join('\n')}\n`);
copyFileSync(join(values.from, 'LICENSE-petrarch2.txt'), join(values.to, 'LICENSE-petrarch2.txt'));
process.stdout.write(`lexicon:convert: wrote ${lines.length} lines to ${out}\n`);
