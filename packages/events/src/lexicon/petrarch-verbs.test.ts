import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventCoder } from '../coder.js';
import { BUNDLED_LEXICON_DIR } from './load-lexicon.js';
import { convertCameoVerbs, parseCameoToPlover, parseVerbTable } from './petrarch-verbs.js';

// Compiling a lexicon folder (38k actor lines) takes about a second, several on a busy machine: a
// guard against hangs, not a speed check (bench:events measures load time).
const LOAD_TIMEOUT_MS = 30_000;

const plover = [
  '# a written sample in the format of the conversion table',
  '07: AID',
  '070: AID,  , # Provide aid',
  '073: AID,  , humanitarian # Provide humanitarian aid',
  '15: MOBILIZE',
  '154: MOBILIZE, troops, military # Mobilize armed forces',
  '11: ACCUSE',
  '111: ACCUSE, disapprove,  # Criticize',
].join('\n');

const verbs = [
  '&GRAIN',
  '+WHEAT',
  '+RICE_',
  '',
  '####### VERB PATTERNS #######',
  '---  HURRY   [---]  ---',
  'HURRY {HURRIES HURRYING HURRIED }',
  'SCURRY',
  '- * AID                        [070]   # HURRY',
  '- * &GRAIN                     [073]   # HURRY',
  '- * {BORDER DEPLOYMENT}        [154]   # SCURRY',
  '',
  '---  SCOLD   [111]  ---',
  'SCOLD',
  '- * CHILDREN                   [---]   # SCOLD',
].join('\n');

describe('CAMEO verb conversion', () => {
  it('maps CAMEO codes to a PLOVER type with its mode, else its context', () => {
    const table = parseCameoToPlover(plover);
    expect(table.get('073')).toEqual({ type: 'AID', mode: 'humanitarian' });
    expect(table.get('154')).toEqual({ type: 'MOBILIZE', mode: 'troops' });
    expect(table.get('07')).toEqual({ type: 'AID', mode: null });
  });

  it('gives each pattern a reading that requires its object words, and voids with --- patterns', () => {
    const lines = convertCameoVerbs(verbs, plover);
    expect(lines).toContain('I\thurry\thurried\thurried');
    expect(lines).toContain('V\thurry\t070\tAID\t\taid\t');
    expect(lines).toContain('V\thurry\t073\tAID\thumanitarian\twheat|rice\t');
    expect(lines).toContain('V\tscurry\t154\tMOBILIZE\ttroops\tdeployment\t');
    expect(lines).toContain('V\tscold\t111\tACCUSE\tdisapprove\t\tchildren');
    // A verb of a block without a code has no reading of its own.
    expect(lines.some((l) => l.startsWith('V\thurry\t') && l.endsWith('\t\t'))).toBe(false);
  });

  it('names the line of a malformed verb record', () => {
    const { records, problems } = parseVerbTable(
      'V\tscold\t111\tACCUSE\t\t\t\nV\tscold\t999\tACCUSE\t\t\t\nQ\tx\n',
    );
    expect(records).toHaveLength(1);
    expect(problems).toEqual([
      'line 2: a verb needs a lemma, a CAMEO code and a PLOVER type',
      'line 3: record kind "Q" must be V or I with all fields',
    ]);
  });

  it(
    'adds table verbs the YAML verbs lack, keeping the YAML reading of a verb it has',
    { timeout: LOAD_TIMEOUT_MS },
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'wirehose-verbs-'));
      for (const name of readdirSync(BUNDLED_LEXICON_DIR).filter((n) => n.endsWith('.yaml')))
        copyFileSync(join(BUNDLED_LEXICON_DIR, name), join(dir, name));
      writeFileSync(
        join(dir, 'zz-local.verbs.tsv'),
        'V\tpillory\t111\tACCUSE\tdisapprove\t\tchildren\nV\tattack\t111\tACCUSE\tdisapprove\t\t\n',
      );
      const coder = createEventCoder({ lexiconDir: dir });
      const code = (text: string): string[] =>
        coder.code({ text, publishedAt: '2024-05-01' }).map((e) => `${e.source?.code ?? '-'}:${e.type}`);
      expect(code('Chile pilloried Peru over the border dispute.')).toEqual(['CHL:ACCUSE']);
      expect(code('Chile pilloried the children of Peru.')).toEqual([]);
      expect(code('Chile attacked Peru.')).toEqual(['CHL:ASSAULT']);
    },
  );
});
