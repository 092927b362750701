/**
 * Conversion of the PETRARCH2 actor and agent dictionaries (text formats described in
 * `petrarch2-dictionaries-format.rst`) into the compact actor table the lexicon loader reads
 * (`*.actors.tsv`, see {@link parseActorTable}).
 *
 * One record a line, fields separated by tabs:
 *   P  names (| separated)  roles   a person; roles `CODE` or `CODE@from-to` (YYYYMMDD, open ends
 *                                   empty), `;` separated, the first undated one is the default
 *   S  surname              roles   a surname shared by no person of another country; it names the
 *                                   person only after a title ("President Avril")
 *   O  names                CODE    an organisation or armed group (country or IGO/NGO + sector)
 *   A  words                SECTOR  a generic agent word that names an actor of a country
 */

/** A role held over a date range (YYYYMMDD numbers, inclusive; null = open). */
export interface DatedRole {
  country: string;
  sector: string;
  from: number | null;
  to: number | null;
}

/** The project's sectors; agent and actor codes outside them are mapped or dropped. */
export const PROJECT_SECTORS = new Set([
  'GOV',
  'MIL',
  'COP',
  'REB',
  'OPP',
  'BUS',
  'MED',
  'CVL',
  'LAB',
  'JUD',
  'LEG',
  'SPY',
  'REF',
  'EDU',
  'REL',
  'ELI',
  'UAF',
]);

// CAMEO agent codes with a near project sector.
const SECTOR_ALIASES: Record<string, string> = {
  AGR: 'CVL',
  HLH: 'CVL',
  HRI: 'CVL',
  ENV: 'CVL',
  DEV: 'CVL',
  MOD: 'CVL',
  RAD: 'OPP',
  INS: 'REB',
  SEP: 'REB',
  PTY: 'OPP',
  CRM: 'CVL',
  UNR: 'REB',
  IMG: 'REB',
  BUD: 'REL',
  CHR: 'REL',
  MOS: 'REL',
  JEW: 'REL',
  HIN: 'REL',
  NGM: 'CVL',
};

function projectSector(code: string): string | null {
  if (PROJECT_SECTORS.has(code)) return code;
  return SECTOR_ALIASES[code] ?? null;
}

/** Splits a PETRARCH code ("USAGOV", "IGOUNOKID", "IMGMUSALQ") into the project's country + sector. */
export function splitActorCode(code: string): { country: string; sector: string } | null {
  if (!/^[A-Z]{3}/.test(code)) return null;
  const head = code.slice(0, 3);
  const rest = code.slice(3, 6);
  if (head === 'IMG' || head === 'MNC' || head === 'UIS') {
    // International militarised groups and companies have no country.
    return { country: '---', sector: head === 'MNC' ? 'BUS' : 'REB' };
  }
  if (head === 'IGO' || head === 'NGO') return { country: head, sector: rest.length === 3 ? rest : 'GOV' };
  const sector = rest.length === 3 ? projectSector(rest) : 'GOV';
  return sector ? { country: head, sector } : { country: head, sector: 'CVL' };
}

/** PETRARCH date: YYYYMMDD, or YYMMDD with 00..30 read as 20YY (as KEDS and TABARI do). */
export function parsePetrarchDate(text: string): number | null {
  if (/^9{6,8}$/.test(text)) return null;
  if (text.length <= 7) {
    const yy = Number(text.slice(0, 2));
    const year = yy <= 30 ? 2000 + yy : 1900 + yy;
    return year * 10000 + Number(text.slice(2, 6).padEnd(4, '0'));
  }
  return Number(text.slice(0, 8));
}

function parseRestriction(body: string): DatedRole | null {
  const [code = '', range = ''] = body.trim().split(/\s+/);
  const actor = splitActorCode(code);
  if (!actor) return null;
  let from: number | null = null;
  let to: number | null = null;
  if (range.startsWith('<')) to = parsePetrarchDate(range.slice(1));
  else if (range.startsWith('>')) from = parsePetrarchDate(range.slice(1));
  else if (range.includes('-')) {
    const [a = '', b = ''] = range.split('-');
    from = parsePetrarchDate(a);
    to = parsePetrarchDate(b);
  }
  return { ...actor, from, to };
}

const ACRONYM = /^[A-Z.]{2,5}$/;

/** "PROSPER_AVRIL_" -> "Prosper Avril"; short single-token names stay capitals (acronyms). */
export function phraseText(raw: string): string {
  const words = raw
    .replace(/_+$/, '')
    .replace(/^THE_/i, '')
    .split(/[_\s]+/)
    .filter((w) => w.length > 0);
  if (words.length === 1 && ACRONYM.test(words[0] ?? '')) return words[0] ?? '';
  return words
    .map((w) =>
      w
        .toLowerCase()
        .replace(/(^|[-'.])(\p{L})/gu, (_m: string, sep: string, c: string) => sep + c.toUpperCase()),
    )
    .join(' ');
}

// Names of more than five words are left out: news rarely repeats them whole (their short forms
// and acronyms are synonyms of their own), and the project keeps no long word runs from elsewhere.
const MAX_NAME_WORDS = 5;
const shortEnough = (name: string): boolean => (name.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= MAX_NAME_WORDS;

/** One record of an actor file: its phrases and codes. */
interface ActorRecord {
  names: string[];
  defaultCode: string | null;
  roles: DatedRole[];
}

/** Parses a PETRARCH `.actors` file into records (primary phrase, `+` synonyms, tab-indented dates). */
export function parseActorFile(text: string): ActorRecord[] {
  const records: ActorRecord[] = [];
  let current: ActorRecord | null = null;
  // A record's date lines follow its phrases; a phrase after date lines starts a new record.
  let sawDates = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '');
    if (!line.trim()) continue;
    if (/^\s/.test(line) && line.trim().startsWith('[')) {
      if (!current) continue;
      for (const m of line.matchAll(/\[([^\]]*)\]/g)) {
        const role = parseRestriction(m[1] ?? '');
        if (role) current.roles.push(role);
      }
      sawDates = true;
      continue;
    }
    const trimmed = line.trim();
    const codeMatch = /\[([^\]]*)\]/.exec(trimmed);
    const phrase = trimmed
      .replace(/\[[^\]]*\]/g, '')
      .replace(/;.*$/, '')
      .trim();
    const isSynonym = phrase.startsWith('+');
    if (!isSynonym || !current || sawDates) {
      current = { names: [], defaultCode: null, roles: [] };
      records.push(current);
      sawDates = false;
    }
    const name = phrase.replace(/^\+/, '').trim();
    if (name) current.names.push(name);
    if (codeMatch?.[1] && !current.defaultCode)
      current.defaultCode = codeMatch[1].trim().split(/\s+/)[0] ?? null;
  }
  return records;
}

const formatDate = (d: number | null): string => (d === null ? '' : String(d));

function formatRoles(roles: readonly DatedRole[]): string {
  return roles
    .map((r) =>
      r.from === null && r.to === null
        ? `${r.country}${r.sector}`
        : `${r.country}${r.sector}@${formatDate(r.from)}-${formatDate(r.to)}`,
    )
    .join(';');
}

const NAME_PARTICLES = new Set([
  'Al',
  'El',
  'Bin',
  'Ibn',
  'Abu',
  'De',
  'Da',
  'Van',
  'Von',
  'Di',
  'Del',
  'La',
  'Le',
]);

/**
 * Converts the country actors file: office holders become `P` lines (with `S` lines for surnames
 * that point to one country only). Country-level records are left to the curated countries lexicon.
 */
export function convertCountryActors(text: string): string[] {
  const out: string[] = [];
  const surnames = new Map<string, { countries: Set<string>; roles: DatedRole[] }>();
  for (const record of parseActorFile(text)) {
    // Country records carry a bare country code and no dated roles.
    if (record.roles.length === 0 && record.defaultCode && /^[A-Z]{3}$/.test(record.defaultCode)) continue;
    const roles = [...record.roles];
    const fallback = record.defaultCode ? splitActorCode(record.defaultCode) : null;
    if (fallback) roles.unshift({ ...fallback, from: null, to: null });
    // Roles written without a country ("[ELI]") take the person's other country.
    const country = roles.find((r) => r.country.length === 3 && r.country !== 'ELI')?.country;
    const fixed = roles
      .map((r) =>
        r.country === 'ELI' || r.country === 'GOV' ? { ...r, sector: r.country, country: country ?? '' } : r,
      )
      .filter((r) => r.country.length === 3);
    if (fixed.length === 0) continue;
    const names = [...new Set(record.names.map(phraseText))].filter((n) => n.includes(' ') && shortEnough(n));
    if (names.length === 0) continue;
    // A group with one code and no dates ("Afghan National Army") is an organisation, not a person.
    const first = fixed[0];
    if (record.roles.length === 0 && first) {
      out.push(`O\t${names.join('|')}\t${first.country}${first.sector}`);
      continue;
    }
    out.push(`P\t${names.join('|')}\t${formatRoles(fixed)}`);
    const countries = new Set(fixed.map((r) => r.country));
    for (const name of names) {
      const words = name.split(' ');
      const last = words[words.length - 1] ?? '';
      if (last.length < 4 || NAME_PARTICLES.has(last) || !/^\p{Lu}\p{Ll}+$/u.test(last)) continue;
      const entry = surnames.get(last) ?? { countries: new Set<string>(), roles: [] };
      for (const c of countries) entry.countries.add(c);
      entry.roles.push(...fixed);
      surnames.set(last, entry);
    }
  }
  for (const [surname, entry] of surnames) {
    if (entry.countries.size !== 1) continue;
    const uniq = new Map(entry.roles.map((r) => [formatRoles([r]), r]));
    out.push(`S\t${surname}\t${formatRoles([...uniq.values()])}`);
  }
  return out;
}

/** Converts an organisation or armed-group actors file into `O` lines (and `P` lines for people). */
export function convertOrganizations(text: string): string[] {
  const out: string[] = [];
  for (const record of parseActorFile(text)) {
    const names = [...new Set(record.names.map(phraseText))].filter((n) => n.length > 1 && shortEnough(n));
    if (names.length === 0) continue;
    if (record.roles.length > 0) {
      const roles = [...record.roles];
      const fallback = record.defaultCode ? splitActorCode(record.defaultCode) : null;
      if (fallback) roles.unshift({ ...fallback, from: null, to: null });
      const fixed = roles.filter((r) => /^(?:[A-Z]{3}|---)$/.test(r.country) && r.country !== 'ELI');
      const multi = names.filter((n) => n.includes(' '));
      if (fixed.length > 0 && multi.length > 0) out.push(`P\t${multi.join('|')}\t${formatRoles(fixed)}`);
      continue;
    }
    const actor = record.defaultCode ? splitActorCode(record.defaultCode) : null;
    if (!actor) continue;
    out.push(`O\t${names.join('|')}\t${actor.country}${actor.sector}`);
  }
  return out;
}

/** Converts the agents file into `A` lines: words that give the sector of an actor of a country. */
export function convertAgents(text: string): string[] {
  const substitutions = new Map<string, string[]>();
  const bySector = new Map<string, Set<string>>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line || line.startsWith('<')) continue;
    const sub = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(line);
    if (sub?.[1] && sub[2]) {
      substitutions.set(
        sub[1],
        sub[2].split(',').map((s) => s.trim()),
      );
      continue;
    }
    const m = /^([^[{]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]}]*)[\]}]/.exec(line);
    if (!m?.[1] || !m[3]) continue;
    const code = m[3].trim();
    // "~GOV" adds the sector after a country; "NGO~" makes an organisation: left to the curated lexicon.
    if (!code.startsWith('~')) continue;
    const sector = projectSector(code.slice(1, 4));
    if (!sector) continue;
    const root = m[1].trim();
    const substituted = root.includes('!');
    let phrases = [root];
    for (const [marker, values] of substitutions)
      phrases = phrases.flatMap((p) => (p.includes(marker) ? values.map((v) => p.replace(marker, v)) : [p]));
    const plural = m[2];
    const forms = new Set<string>();
    for (const p of phrases) {
      const text = phraseText(p).toLowerCase();
      // Plain words only: no abbreviations ("adm."), model numbers or unresolved markers.
      if (!/^[a-z][a-z' -]*[a-z]$/.test(text) || !shortEnough(text)) continue;
      forms.add(text);
      if (plural !== undefined) {
        if (plural.trim()) forms.add(phraseText(plural.trim()).toLowerCase());
      } else if (!substituted && !/s$/.test(text)) {
        forms.add(
          /[^aeiou]y$/.test(text) ? `${text.slice(0, -1)}ies` : /ss$/.test(text) ? `${text}es` : `${text}s`,
        );
      }
    }
    const set = bySector.get(sector) ?? new Set<string>();
    for (const f of forms) set.add(f);
    bySector.set(sector, set);
  }
  return [...bySector].map(([sector, words]) => `A\t${[...words].join('|')}\t${sector}`);
}

/** A parsed `*.actors.tsv` record. */
export type ActorTableRecord =
  | { kind: 'person'; names: string[]; roles: DatedRole[] }
  | { kind: 'surname'; names: string[]; roles: DatedRole[] }
  | { kind: 'org'; names: string[]; country: string; sector: string }
  | { kind: 'agent'; names: string[]; sector: string };

function parseRoles(text: string): DatedRole[] | null {
  const roles: DatedRole[] = [];
  for (const part of text.split(';')) {
    const m = /^([A-Z]{3}|---)([A-Z0-9]{3})(?:@(\d{8})?-(\d{8})?)?$/.exec(part);
    if (!m?.[1] || !m[2]) return null;
    roles.push({
      country: m[1],
      sector: m[2],
      from: m[3] ? Number(m[3]) : null,
      to: m[4] ? Number(m[4]) : null,
    });
  }
  return roles;
}

/**
 * Parses a compact actor table; returns the records and, for each malformed line, a problem naming
 * its line number and what is wrong.
 */
export function parseActorTable(text: string): { records: ActorTableRecord[]; problems: string[] } {
  const records: ActorTableRecord[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line || line.startsWith('#')) continue;
    const [kind, namesText = '', value = ''] = line.split('\t');
    const names = namesText.split('|').filter((n) => n.length > 0);
    const where = `line ${i + 1}`;
    if (names.length === 0) {
      problems.push(`${where}: no names`);
      continue;
    }
    if (kind === 'P' || kind === 'S') {
      const roles = parseRoles(value);
      if (!roles)
        problems.push(`${where}: roles "${value}" must be CODE or CODE@YYYYMMDD-YYYYMMDD, ; separated`);
      else records.push({ kind: kind === 'P' ? 'person' : 'surname', names, roles });
    } else if (kind === 'O') {
      const m = /^([A-Z]{3}|---)([A-Z0-9]{3})$/.exec(value);
      if (!m?.[1] || !m[2]) problems.push(`${where}: organisation code "${value}" must be six capitals`);
      else records.push({ kind: 'org', names, country: m[1], sector: m[2] });
    } else if (kind === 'A') {
      if (!/^[A-Z0-9]{3}$/.test(value))
        problems.push(`${where}: agent sector "${value}" must be three capitals`);
      else records.push({ kind: 'agent', names, sector: value });
    } else problems.push(`${where}: record kind "${kind ?? ''}" must be P, S, O or A`);
  }
  return { records, problems };
}

/** The role of a person on a day (YYYYMMDD): the dated role that covers it, else the nearest one. */
export function roleOn(roles: readonly DatedRole[], day: number): DatedRole | undefined {
  let best: DatedRole | undefined;
  let bestDistance = Infinity;
  for (const r of roles) {
    const from = r.from ?? -Infinity;
    const to = r.to ?? Infinity;
    if (day >= from && day <= to) {
      // A dated role beats an undated default.
      if (r.from !== null || r.to !== null) return r;
      if (bestDistance > 0) {
        best = r;
        bestDistance = 0;
      }
      continue;
    }
    const distance = day < from ? from - day : day - to;
    if (distance < bestDistance) {
      best = r;
      bestDistance = distance;
    }
  }
  return best;
}
