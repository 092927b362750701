/**
 * Converts the PETRARCH2 actor and agent dictionaries into the events package's compact actor
 * table (`lexicons/petrarch.actors.tsv`) and copies the MIT licence beside it.
 *
 *   pnpm -s lexicon:convert [--from ../shared/datasets/event-dictionaries] [--to packages/events/lexicons]
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { convertAgents, convertCountryActors, convertOrganizations } from '../src/lexicon/petrarch.js';
import { convertCameoVerbs } from '../src/lexicon/petrarch-verbs.js';

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

const verbLines = [
  '# Verbs converted from CAMEO.2.0.txt of PETRARCH2 (MIT licence: LICENSE-petrarch2.txt) with codes',
  '# mapped to PLOVER by CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, CC BY-SA 4.0: NOTICE-plover.txt),',
  '# by packages/events/scripts/convert-petrarch.ts. Do not edit: verbs of the YAML files win.',
  '# V lemma cameo type mode requireAny rejectAny | I base past participle',
  ...convertCameoVerbs(read('CAMEO.2.0.txt'), read('CAMEO2PLOVER-2021.txt')),
];
// Not in the bundled folder: measured on the dev sets, the converted verbs lower type F1 and CASE
// precision (see the package README), so they are an opt-in table for a lexicon folder of one's own.
const verbsOut = join(values.to, '..', 'lexicons-optional', 'petrarch.verbs.tsv');
mkdirSync(join(values.to, '..', 'lexicons-optional'), { recursive: true });
writeFileSync(verbsOut, `${verbLines.join('\n')}\n`);
copyFileSync(
  join(values.from, 'LICENSE-petrarch2.txt'),
  join(values.to, '..', 'lexicons-optional', 'LICENSE-petrarch2.txt'),
);
writeFileSync(
  join(values.to, '..', 'lexicons-optional', 'NOTICE-plover.txt'),
  [
    'The PLOVER types and modes in petrarch.verbs.tsv come from CAMEO2PLOVER-2021.txt, the CAMEO to',
    'PLOVER conversion table of the PLOVER event ontology (Open Event Data Alliance, openeventdata/PLOVER',
    'at commit 5e0c24f, edited by Philip Schrodt, 2021), licensed under Creative Commons',
    'Attribution-ShareAlike 4.0 International (https://creativecommons.org/licenses/by-sa/4.0/).',
    'The table was changed here: codes were joined to the verbs of CAMEO.2.0.txt (PETRARCH2, MIT,',
    'LICENSE-petrarch2.txt). The same licence applies to that derived mapping.',
    '',
  ].join('\n'),
);
process.stdout.write(`lexicon:convert: wrote ${verbLines.length} lines to ${verbsOut}\n`);
