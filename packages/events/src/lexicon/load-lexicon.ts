import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { tokenize } from '../tokenize.js';
import { inflectVerb } from './inflect.js';
import type { CameoInfo, Lexicon, NounTrigger, PhraseEntry, PhraseInfo, VerbTrigger } from './lexicon.js';
import { LexiconError } from './lexicon-error.js';
import { parseActorTable, type ActorTableRecord } from './petrarch.js';
import { LexiconFileSchema, type LexiconFile, type Refinement } from './schema.js';

/** The lexicons shipped with the package. */
export const BUNDLED_LEXICON_DIR = fileURLToPath(new URL('../../lexicons/', import.meta.url));

function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path;
  let where = path.map(String).join('.');
  // Name the entry by its identifying field when the issue sits inside a list entry.
  if (path.length >= 2 && typeof path[1] === 'number' && typeof path[0] === 'string') {
    const section = (data as Record<string, unknown> | null)?.[path[0]];
    const entry = Array.isArray(section)
      ? (section[path[1]] as Record<string, unknown> | undefined)
      : undefined;
    const label =
      entry?.['lemma'] ??
      entry?.['code'] ??
      entry?.['sector'] ??
      (entry?.['names'] as unknown[] | undefined)?.[0] ??
      (entry?.['words'] as unknown[] | undefined)?.[0];
    if (typeof label === 'string') where += ` (${label})`;
  }
  return `${where || '(root)'}: ${issue.message}`;
}

/** Reads and validates one lexicon file. */
export function parseLexiconFile(file: string, source: string): LexiconFile {
  let data: unknown;
  try {
    data = parse(source);
  } catch (cause) {
    throw new LexiconError(file, [`not valid YAML: ${(cause as Error).message}`], { cause });
  }
  const result = LexiconFileSchema.safeParse(data ?? {});
  if (!result.success) {
    throw new LexiconError(
      file,
      result.error.issues.map((issue) => describeIssue(data, issue)),
    );
  }
  return result.data;
}

// Plain names (letters, single spaces and inner hyphens) tokenize as their space-separated words;
// the bulk actor tables are nearly all such names, so they skip the tokenizer.
const PLAIN_NAME = /^[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*(?: [\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*)*$/u;
const ACRONYM_TOKEN = /^\p{Lu}{2,4}$/u;
// Shared by entries that match case nowhere (most): `exact[k]` is then undefined, as null would be.
const NO_EXACT: readonly (string | null)[] = [];

function phraseTokens(phrase: string): { norms: string[]; exact: (string | null)[] } {
  if (PLAIN_NAME.test(phrase)) {
    const words = phrase.split(' ');
    return {
      norms: words.map((w) => w.toLowerCase()),
      exact: words.map((w) => (ACRONYM_TOKEN.test(w) ? w : null)),
    };
  }
  const tokens = tokenize(phrase);
  return {
    norms: tokens.map((t) => t.norm),
    // Short all-capital acronyms ("US", "UN", "IS") must match case, not the words "us", "is".
    exact: tokens.map((t) => (/^\p{Lu}{2,4}$/u.test(t.text) ? t.text : null)),
  };
}

class PhraseTable {
  readonly #byKey = new Map<string, PhraseEntry>();
  readonly #norms = new Set<string>();

  readonly #titles = new Set<string>();

  /**
   * Adds a phrase only when no entry has the same words (curated entries win over bulk tables),
   * when a name does not start with a title or sector word ("President X" is read by the title
   * rules, so the title in the text decides the sector) and when an agent does not end with one.
   */
  addIfNew(phrase: string, info: PhraseInfo, caseSensitive = false): void {
    this.add(phrase, info, caseSensitive, true);
  }

  add(phrase: string, info: PhraseInfo, caseSensitive = false, onlyIfNew = false): void {
    const { norms, exact } = phraseTokens(phrase);
    if (norms.length === 0) return;
    const words = norms.join(' ');
    if (onlyIfNew) {
      if (this.#norms.has(words)) return;
      // A name must not start with a title ("President X"); a generic agent must hold no known
      // title or sector word ("former president", "opposition coalition"): the curated title and
      // sector rules read those.
      if (info.kind === 'sector' ? norms.some((w) => this.#titles.has(w)) : this.#titles.has(norms[0] ?? ''))
        return;
      for (let k = 2; k < norms.length && k <= 3; k++)
        if (this.#titles.has(norms.slice(0, k).join(' '))) return;
    }
    const exactTokens = caseSensitive
      ? PLAIN_NAME.test(phrase)
        ? phrase.split(' ')
        : tokenize(phrase).map((t) => t.text)
      : exact.some((e) => e !== null)
        ? exact
        : NO_EXACT;
    const key = caseSensitive || exactTokens !== NO_EXACT ? `${words}|${exactTokens.join(' ')}` : words;
    this.#norms.add(words);
    if (info.kind === 'title' || info.kind === 'sector') this.#titles.add(words);
    const existing = this.#byKey.get(key);
    if (existing) {
      if (!existing.infos.some((i) => JSON.stringify(i) === JSON.stringify(info))) existing.infos.push(info);
      return;
    }
    this.#byKey.set(key, { tokens: norms, exact: exactTokens, infos: [info] });
  }

  build(): Map<string, PhraseEntry[]> {
    const map = new Map<string, PhraseEntry[]>();
    for (const entry of this.#byKey.values()) {
      const first = entry.tokens[0] ?? '';
      const list = map.get(first) ?? [];
      list.push(entry);
      map.set(first, list);
    }
    for (const list of map.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    return map;
  }
}

// A one-word generic agent is kept when it has the shape of a noun for people ("blogger",
// "economist", "peasants"); others ("paramilitary", "warship", "village") modify or name things.
const AGENT_NOUN = /(?:er|or|ist|ian|ant|ent|man|men|ee)s?$/;

function addActorTable(table: PhraseTable, records: readonly ActorTableRecord[]): void {
  for (const r of records) {
    if (r.kind === 'org') {
      for (const n of r.names)
        // One-word names ("Tigers", "PMF") must match their capital letters.
        table.addIfNew(n, { kind: 'org', country: r.country, sector: r.sector }, !n.includes(' '));
    } else if (r.kind === 'agent') {
      for (const n of r.names)
        if (n.includes(' ') || AGENT_NOUN.test(n))
          table.addIfNew(n, { kind: 'sector', sector: r.sector, standalone: false });
    } else {
      const first = r.roles[0];
      if (!first) continue;
      const info: PhraseInfo =
        r.kind === 'person'
          ? { kind: 'person', country: first.country, sector: first.sector, roles: r.roles }
          : { kind: 'surname', country: first.country, sector: first.sector, roles: r.roles };
      // A one-word name must match its capital letter.
      for (const n of r.names) table.addIfNew(n, info, !n.includes(' '));
    }
  }
}

function defaultPeople(adjective: string): string[] {
  return /(?:an|i)$/.test(adjective) ? [`${adjective}s`] : [];
}

/** Merges validated lexicon files into the matcher tables; checks references between files. */
export function compileLexicon(
  files: readonly { file: string; data: LexiconFile }[],
  tables: readonly { file: string; records: readonly ActorTableRecord[] }[] = [],
): Lexicon {
  const table = new PhraseTable();
  const irregular = new Map<string, [string, string]>();
  const roots = new Map<string, number>();
  const codes = new Map<string, number>();
  for (const { data } of files) {
    for (const [base, forms] of Object.entries(data.irregular ?? {})) irregular.set(base, forms);
    for (const [root, info] of Object.entries(data.roots ?? {})) roots.set(root, info.goldstein);
    for (const [code, info] of Object.entries(data.codes ?? {})) codes.set(code, info.goldstein);
  }

  const verbs = new Map<string, VerbTrigger[]>();
  const nouns = new Map<string, NounTrigger[]>();
  const refinements: Refinement[] = [];
  for (const { file, data } of files) {
    const problems: string[] = [];
    const checkCameo = (where: string, code: string): void => {
      if (!roots.has(code.slice(0, 2)))
        problems.push(
          `${where}: CAMEO root ${code.slice(0, 2)} of ${code} is not defined in any lexicon's roots`,
        );
    };
    for (const country of data.countries ?? []) {
      const c = country.code;
      for (const n of country.names) table.add(n, { kind: 'country', country: c, role: 'name' });
      for (const a of country.adjectives ?? [])
        table.add(a, { kind: 'country', country: c, role: 'adjective' });
      const people = country.people ?? (country.adjectives ?? []).flatMap(defaultPeople);
      for (const p of people) table.add(p, { kind: 'country', country: c, role: 'people' });
      for (const p of country.capitals ?? []) table.add(p, { kind: 'country', country: c, role: 'capital' });
      for (const p of country.metonyms ?? []) table.add(p, { kind: 'country', country: c, role: 'metonym' });
      for (const p of country.places ?? []) table.add(p, { kind: 'country', country: c, role: 'place' });
    }
    for (const org of data.organizations ?? []) {
      for (const n of org.names)
        table.add(n, { kind: 'org', country: org.country, sector: org.sector }, org.caseSensitive);
    }
    for (const person of data.people ?? []) {
      // A one-word name must match its case: "Bush" the president, not "bush" the plant.
      for (const n of person.names)
        table.add(
          n,
          { kind: 'person', country: person.country, sector: person.sector },
          tokenize(n).length === 1,
        );
    }
    for (const s of data.sectors ?? []) {
      for (const w of s.words)
        table.add(w, { kind: 'sector', sector: s.sector, standalone: s.standalone ?? true });
    }
    for (const t of data.titles ?? []) {
      for (const w of t.words) {
        table.add(w, { kind: 'title', sector: t.sector });
        // Plural titles name groups: "rebel leaders", "foreign ministers".
        if (!/[s.]$/.test(w) && !/ of /.test(w))
          table.add(w.endsWith('y') ? `${w.slice(0, -1)}ies` : `${w}s`, { kind: 'title', sector: t.sector });
      }
    }
    (data.verbs ?? []).forEach((verb, index) => {
      checkCameo(`verbs.${index} (${verb.lemma})`, verb.cameo);
      const words = tokenize(verb.lemma).map((t) => t.norm);
      const [first, ...rest] = words;
      if (!first) return;
      const forms = inflectVerb(first, irregular.get(first));
      const add = (word: string, form: VerbTrigger['form']): void => {
        const list = verbs.get(word) ?? [];
        list.push({
          lemma: verb.lemma,
          type: verb.type,
          cameo: verb.cameo,
          mode: verb.mode ?? null,
          needsSource: verb.needsSource ?? false,
          needsTarget: verb.needsTarget ?? false,
          requireAny: (verb.requireAny ?? []).map((w) => w.toLowerCase()),
          rejectAny: (verb.rejectAny ?? []).map((w) => w.toLowerCase()),
          rest,
          form,
          ambiguousPast: forms.past === forms.participle,
        });
        verbs.set(word, list);
      };
      add(forms.base, 'base');
      add(forms.third, 'third');
      add(forms.past, 'past');
      if (forms.participle !== forms.past) add(forms.participle, 'participle');
      add(forms.ing, 'ing');
      // British spelling doubles a final l after one vowel: cancelled, travelling.
      if (/[^aeiou][aeiou]l$/.test(first) && !irregular.has(first) && !forms.past.endsWith('lled')) {
        add(`${first}led`, 'past');
        add(`${first}ling`, 'ing');
      }
    });
    (data.nouns ?? []).forEach((noun, index) => {
      checkCameo(`nouns.${index} (${noun.words[0] ?? ''})`, noun.cameo);
      for (const w of noun.words) {
        const tokens = tokenize(w).map((t) => t.norm);
        const first = tokens[0];
        if (!first) continue;
        const list = nouns.get(first) ?? [];
        list.push({ tokens, type: noun.type, cameo: noun.cameo, mode: noun.mode ?? null });
        nouns.set(first, list);
      }
    });
    (data.refinements ?? []).forEach((refinement, index) => {
      refinement.cases.forEach((c, ci) => checkCameo(`refinements.${index}.cases.${ci}`, c.cameo));
      refinements.push(refinement);
    });
    if (problems.length > 0) throw new LexiconError(file, problems);
  }
  for (const { records } of tables) addActorTable(table, records);
  for (const list of verbs.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  for (const list of nouns.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  return {
    phrases: table.build(),
    verbs,
    nouns,
    refinements,
    cameo(code: string): CameoInfo {
      const root = code.slice(0, 2);
      return { code, root, goldstein: codes.get(code) ?? roots.get(root) ?? 0 };
    },
  };
}

// Parsing the YAML takes about a second; compiled lexicons are immutable, so coders built on the
// same unchanged files share one.
const compiled = new Map<string, Lexicon>();

/**
 * Loads every `*.yaml` file of a folder (sorted by name) as one lexicon, then the compact actor
 * tables (`*.actors.tsv`, converted from PETRARCH2 by `pnpm lexicon:convert`), whose phrases are
 * added only where no YAML entry has the same words. Files are validated;
 * a {@link LexiconError} names the file and entry at fault.
 */
export function loadLexicon(dir: string = BUNDLED_LEXICON_DIR): Lexicon {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml') || n.endsWith('.actors.tsv'))
      .sort();
  } catch (cause) {
    throw new LexiconError(dir, ['cannot read lexicon folder'], { cause });
  }
  const key = names
    .map((name) => {
      const stats = statSync(join(dir, name));
      return `${join(dir, name)}:${stats.mtimeMs}:${stats.size}`;
    })
    .join('|');
  const cached = compiled.get(key);
  if (cached) return cached;
  const files = names
    .filter((name) => !name.endsWith('.actors.tsv'))
    .map((name) => {
      const file = join(dir, name);
      return { file, data: parseLexiconFile(file, readFileSync(file, 'utf8')) };
    });
  const tables = names
    .filter((name) => name.endsWith('.actors.tsv'))
    .map((name) => {
      const file = join(dir, name);
      const { records, problems } = parseActorTable(readFileSync(file, 'utf8'));
      if (problems.length > 0) throw new LexiconError(file, problems.slice(0, 20));
      return { file, records };
    });
  const lexicon = compileLexicon(files, tables);
  compiled.set(key, lexicon);
  return lexicon;
}
