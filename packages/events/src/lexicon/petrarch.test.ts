import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventCoder } from '../coder.js';
import { BUNDLED_LEXICON_DIR, loadLexicon } from './load-lexicon.js';
import {
  convertAgents,
  convertCountryActors,
  convertOrganizations,
  parseActorTable,
  parsePetrarchDate,
  roleOn,
} from './petrarch.js';

const countryFile = [
  '# a comment line',
  'RURITANIA_  [RUR]',
  '+RURITANIAN_',
  '',
  'JOHN_EXAMPLE_  # added by hand',
  '\t[RURELI 600101-900101]',
  '\t[RURGOV 900101-051231]',
  '\t[RURELI]',
  'MARY_SAMPLE_',
  '+M._SAMPLE_',
  '\t[RURGOV >20060101]',
  'RURITANIAN_BORDER_GUARD_ [RURCOP]',
].join('\n');

describe('PETRARCH dictionary conversion', () => {
  it('reads two-digit years 00..30 as 20YY and treats 999999 as open', () => {
    expect(parsePetrarchDate('051231')).toBe(20051231);
    expect(parsePetrarchDate('600101')).toBe(19600101);
    expect(parsePetrarchDate('19451231')).toBe(19451231);
    expect(parsePetrarchDate('999999')).toBeNull();
  });

  it('turns office holders into dated roles, groups into organisations and leaves countries out', () => {
    const lines = convertCountryActors(countryFile);
    expect(lines).toContain('P\tJohn Example\tRURELI@19600101-19900101;RURGOV@19900101-20051231;RURELI');
    expect(lines).toContain('P\tMary Sample|M. Sample\tRURGOV@20060101-');
    expect(lines).toContain('O\tRuritanian Border Guard\tRURCOP');
    expect(lines).toContain('S\tExample\tRURELI@19600101-19900101;RURGOV@19900101-20051231;RURELI');
    expect(lines.some((l) => l.includes('Ruritania\t') || l.startsWith('P\tRuritania'))).toBe(false);
  });

  it('keeps organisation codes and maps transnational armed groups to ---REB', () => {
    const lines = convertOrganizations(
      'WORLD_GARDENING_FUND_ [NGOENV]\n+WGF\n\nNORTHERN_SWORD_FRONT_ [IMGMUSREB]\n',
    );
    expect(lines).toEqual(['O\tWorld Gardening Fund|WGF\tNGOENV', 'O\tNorthern Sword Front\t---REB']);
  });

  it('expands substitution markers and plurals of generic agents into sector words', () => {
    const all = convertAgents(
      '!PERSON! = MAN, MEN\nLIGHTHOUSE!PERSON! [~AGR]\nHARBOUR_PILOT [~BUS]\nCLIPPER {} [~BUS]\nSAILOR [~XYZ]\n',
    );
    expect(all[0]).toBe('A\tlighthouseman|lighthousemen\tCVL');
    expect(all).toContain('A\tharbour pilot|harbour pilots|clipper\tBUS');
    expect(all.some((l) => l.includes('sailor'))).toBe(false);
  });
});

describe('actor tables', () => {
  it('names the line and the problem of a malformed record', () => {
    const { records, problems } = parseActorTable(
      '# header\nP\tAnna Test\tRURGOV@2001-\nO\tSome Body\tRURGOV\nX\tfoo\tRUR\nA\t\tGOV\n',
    );
    expect(records).toEqual([{ kind: 'org', names: ['Some Body'], country: 'RUR', sector: 'GOV' }]);
    expect(problems).toEqual([
      'line 2: roles "RURGOV@2001-" must be CODE or CODE@YYYYMMDD-YYYYMMDD, ; separated',
      'line 4: record kind "X" must be P, S, O or A',
      'line 5: no names',
    ]);
  });

  it('picks the role that covers the day, else the undated default, else the nearest one', () => {
    const roles = [
      { country: 'RUR', sector: 'ELI', from: null, to: null },
      { country: 'RUR', sector: 'GOV', from: 19900101, to: 19991231 },
    ];
    expect(roleOn(roles, 19950601)?.sector).toBe('GOV');
    expect(roleOn(roles, 20100101)?.sector).toBe('ELI');
    const dated = [
      { country: 'RUR', sector: 'MIL', from: 19700101, to: 19791231 },
      { country: 'RUR', sector: 'GOV', from: 19900101, to: 19991231 },
    ];
    expect(roleOn(dated, 19810101)?.sector).toBe('MIL');
    expect(roleOn(dated, 20050101)?.sector).toBe('GOV');
  });

  it('lets a user table add a person whose role follows the article date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirehose-actors-'));
    for (const name of readdirSync(BUNDLED_LEXICON_DIR).filter((n) => n.endsWith('.yaml')))
      copyFileSync(join(BUNDLED_LEXICON_DIR, name), join(dir, name));
    writeFileSync(
      join(dir, 'zz-local.actors.tsv'),
      'P\tOlaf Testperson\tNORELI;NORGOV@20100101-20141231\nS\tTestperson\tNORELI;NORGOV@20100101-20141231\n',
    );
    const coder = createEventCoder({ lexiconDir: dir });
    const code = (text: string, publishedAt: string): string[] =>
      coder.code({ text, publishedAt }).map((e) => `${e.source?.code ?? '-'}:${e.type}`);
    expect(code('Olaf Testperson criticized Sweden.', '2012-03-01')).toEqual(['NORGOV:ACCUSE']);
    expect(code('Olaf Testperson criticized Sweden.', '2019-03-01')).toEqual(['NORELI:ACCUSE']);
    // A surname alone names the person only after a title, whose sector wins.
    expect(code('General Testperson criticized Sweden.', '2012-03-01')).toEqual(['NORMIL:ACCUSE']);
  });

  it('loads the converted PETRARCH2 actors: office holders the curated lexicon lacks, by date', () => {
    const lexicon = loadLexicon();
    const avril = lexicon.phrases.get('prosper')?.find((e) => e.tokens.join(' ') === 'prosper avril');
    expect(avril?.infos[0]?.kind).toBe('person');
    const coder = createEventCoder();
    const source = (publishedAt: string): string | undefined =>
      coder.code({ text: 'Prosper Avril accused Cuba of meddling.', publishedAt })[0]?.source?.code;
    expect(source('1989-05-01')).toBe('HTIGOV');
    expect(source('1995-05-01')).toBe('HTIELI');
  });
});
