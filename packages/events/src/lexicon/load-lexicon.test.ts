import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventCoder } from '../coder.js';
import { BUNDLED_LEXICON_DIR, loadLexicon, parseLexiconFile } from './load-lexicon.js';
import { LexiconError } from './lexicon-error.js';

function copyBundled(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wirehose-lexicon-'));
  // The YAML files only: these checks do not need the bulk actor table, which is slow to copy and load.
  for (const name of readdirSync(BUNDLED_LEXICON_DIR).filter((n) => n.endsWith('.yaml')))
    copyFileSync(join(BUNDLED_LEXICON_DIR, name), join(dir, name));
  return dir;
}

describe('lexicon loading', () => {
  it('loads the bundled lexicons', () => {
    const lexicon = loadLexicon();
    expect(lexicon.phrases.get('venezuela')?.[0]?.infos[0]).toMatchObject({
      kind: 'country',
      country: 'VEN',
    });
    expect(lexicon.cameo('0232')).toEqual({ code: '0232', root: '02', goldstein: 3.4 });
  });

  it('names the file and the entry of an invalid verb', () => {
    const error = (() => {
      try {
        parseLexiconFile('my-verbs.yaml', 'verbs:\n  - { lemma: bomb, type: BOMB, cameo: "195" }\n');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as LexiconError).file).toBe('my-verbs.yaml');
    expect((error as LexiconError).message).toMatch(/my-verbs\.yaml: verbs\.0\.type \(bomb\)/);
  });

  it('rejects a country code that is not ISO alpha-3 and YAML that does not parse', () => {
    expect(() => parseLexiconFile('c.yaml', 'countries:\n  - { code: VE, names: [Venezuela] }\n')).toThrow(
      /c\.yaml: countries\.0\.code \(VE\)/,
    );
    expect(() => parseLexiconFile('bad.yaml', 'verbs: [\n')).toThrow(/bad\.yaml: not valid YAML/);
    expect(() => parseLexiconFile('x.yaml', 'verbz: []\n')).toThrow(/x\.yaml: \(root\): Unrecognized key/);
  });

  it('checks the word lists of a verb: rejectAny must be a list of non-empty words', () => {
    expect(() =>
      parseLexiconFile(
        'v.yaml',
        'verbs:\n  - { lemma: defend, type: SUPPORT, cameo: "052", rejectAny: city }\n',
      ),
    ).toThrow(/v\.yaml: verbs\.0\.rejectAny \(defend\)/);
    expect(() =>
      parseLexiconFile(
        'v.yaml',
        'verbs:\n  - { lemma: defend, type: SUPPORT, cameo: "052", rejectAny: [""] }\n',
      ),
    ).toThrow(/v\.yaml: verbs\.0\.rejectAny\.0 \(defend\): must not be empty/);
  });

  it('reports a CAMEO root that no lexicon defines, naming the verb', () => {
    const dir = copyBundled();
    writeFileSync(
      join(dir, 'cameo.yaml'),
      readFileSync(join(BUNDLED_LEXICON_DIR, 'cameo.yaml'), 'utf8').replace(/^ {2}'19':.*$/m, ''),
    );
    expect(() => loadLexicon(dir)).toThrow(/verbs\.yaml: verbs\.\d+ \(attack\): CAMEO root 19/);
  });

  it('lets users extend the lexicons with another file', () => {
    const dir = copyBundled();
    writeFileSync(
      join(dir, 'zz-local.yaml'),
      'countries:\n  - { code: ATL, names: [Atlantis], adjectives: [Atlantean] }\n',
    );
    const coder = createEventCoder({ lexiconDir: dir });
    const [event] = coder.code({ text: 'Atlantis attacked Venezuela.', publishedAt: '2025-01-10' });
    expect(event?.source?.code).toBe('ATL');
    expect(event?.targets.map((t) => t.code)).toEqual(['VEN']);
  });
});
