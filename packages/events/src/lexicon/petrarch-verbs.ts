/**
 * Conversion of the CAMEO verb-pattern dictionary of PETRARCH2 (`CAMEO.2.0.txt`) and the official
 * CAMEO->PLOVER table (`CAMEO2PLOVER-2021.txt`) into the compact verb table the lexicon loader
 * reads (`*.verbs.tsv`). One record a line, tab-separated:
 *   V  lemma  cameo  PLOVER type  mode (or empty)  requireAny (| separated, may be empty)  rejectAny
 *   I  base   past   participle
 * A verb's own code (or its block's) gives an entry without object words; each pattern whose
 * object words decide another code gives an entry that requires one of those words; patterns
 * coded `---` give the words that void the verb's own reading.
 */
import { PLOVER_TYPES, type PloverType } from '../types.js';

/** CAMEO code -> PLOVER type and mode, from the conversion table ("0332: AGREE, , military"). */
export function parseCameoToPlover(text: string): Map<string, { type: PloverType; mode: string | null }> {
  const map = new Map<string, { type: PloverType; mode: string | null }>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^(\d{2,4}):\s*([A-Z]*)\s*(?:,\s*([^,]*))?/.exec(line);
    if (!m?.[1] || !m[2]) continue;
    const type = PLOVER_TYPES.find((t) => t === m[2]);
    if (!type) continue;
    // The PLOVER mode, else the context ("military", "economic"), as the YAML verbs use them.
    const rest = line.slice(line.indexOf(',') + 1).split(',');
    const mode = (m[3] ?? '').trim() || (rest[1] ?? '').trim();
    map.set(m[1], { type, mode: mode.length > 0 ? mode.toLowerCase().replace(/_/g, '-') : null });
  }
  return map;
}

/** The PLOVER type of a CAMEO code, or of its nearest parent code in the table. */
function ploverOf(
  table: Map<string, { type: PloverType; mode: string | null }>,
  code: string,
): { type: PloverType; mode: string | null } | undefined {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const hit = table.get(c);
    if (hit) return hit;
  }
  return undefined;
}

interface VerbOut {
  lemma: string;
  cameo: string;
  requireAny: Set<string>;
  rejectAny: Set<string>;
}

const CODE_RE = /\[([^\]]*)\]/;

/** "042:043" -> "042"; ":173" -> "173"; "---" -> null. */
function sourceCode(text: string): string | null {
  const parts = text
    .trim()
    .split(':')
    .map((p) => p.trim());
  const code = parts.find((p) => /^\d{2,4}$/.test(p));
  return code ?? null;
}

/** Words of a pattern's object part: heads of braced phrases, nouns, and synset members. */
function patternWords(post: string, synsets: Map<string, string[]>): string[] {
  const words: string[] = [];
  const cleaned = post.replace(/[()]/g, ' ');
  for (const m of cleaned.matchAll(/\{([^}]*)\}|(&[A-Z_]+)|([A-Z][A-Z'-]*)/g)) {
    if (m[1]) {
      // A braced phrase: its last word is the head.
      const parts = m[1].trim().split(/\s+/);
      const head = parts[parts.length - 1] ?? '';
      if (head.startsWith('&')) words.push(...(synsets.get(head) ?? []));
      else if (head) words.push(head.toLowerCase());
    } else if (m[2]) words.push(...(synsets.get(m[2]) ?? []));
    else if (m[3]) words.push(m[3].toLowerCase());
  }
  return words;
}

// Prepositions and function words say little about the code on their own.
const FUNCTION_WORDS = new Set([
  'to',
  'for',
  'of',
  'on',
  'in',
  'at',
  'by',
  'with',
  'from',
  'against',
  'into',
  'over',
  'about',
  'the',
  'a',
  'an',
  'as',
  'that',
  'and',
  'up',
  'out',
  'off',
  'down',
]);

/** Converts the verb dictionary; verbs whose lemma `skip` returns true for (curated ones) are left out. */
export function convertCameoVerbs(
  cameoText: string,
  ploverText: string,
  skip: (lemma: string) => boolean = () => false,
): string[] {
  const plover = parseCameoToPlover(ploverText);
  const synsets = new Map<string, string[]>();
  const lines = cameoText.split(/\r?\n/);
  let i = 0;
  // Synsets come first: "&NAME" then "+WORD" lines.
  let currentSet: string | null = null;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/#.*$/, '').trim();
    if (/VERB PATTERNS/.test(lines[i] ?? '')) break;
    if (line.startsWith('&')) {
      currentSet = line.split(/\s+/)[0] ?? null;
      if (currentSet) synsets.set(currentSet.replace(/_$/, ''), []);
    } else if (line.startsWith('+') && currentSet) {
      const word = line.slice(1).replace(/_+$/, '').replace(/_/g, ' ').toLowerCase();
      const list = synsets.get(currentSet.replace(/_$/, '')) ?? [];
      // Phrases: the last word is the head matched in the clause.
      const head = word.split(' ').pop() ?? '';
      if (head) list.push(head);
      synsets.set(currentSet.replace(/_$/, ''), list);
    }
  }
  // A synset name ending in "_" is referred to without it too.
  for (const [name, words] of [...synsets]) synsets.set(`${name}_`, words);

  const out = new Map<string, VerbOut>();
  const irregular: string[] = [];
  // The verb's own reading and each pattern reading are separate entries (a pattern requires words).
  const entry = (lemma: string, cameo: string, pattern: boolean): VerbOut => {
    const key = `${lemma}|${cameo}|${pattern}`;
    const found = out.get(key);
    if (found) return found;
    const made = { lemma, cameo, requireAny: new Set<string>(), rejectAny: new Set<string>() };
    out.set(key, made);
    return made;
  };
  let blockCode: string | null = null;
  let blockVerbs: { lemma: string; code: string | null }[] = [];
  for (; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const header = /^---\s+(.+?)\s+\[([^\]]*)\]\s+---/.exec(raw);
    if (header) {
      blockCode = sourceCode(header[2] ?? '');
      blockVerbs = [];
      continue;
    }
    const line = raw.replace(/#.*$/, '').trimEnd();
    const comment = /#\s*([A-Z_+]+)/.exec(raw)?.[1]?.replace(/\+/g, '');
    if (!line.trim() || line.startsWith('~')) continue;
    if (line.startsWith('-')) {
      const codeText = CODE_RE.exec(line)?.[1] ?? '';
      const body = line.slice(1).replace(CODE_RE, '').trim();
      const star = body.indexOf('*');
      // Only patterns that decide by what follows the verb: "- * AID [070]".
      if (star < 0 || body.slice(0, star).trim().length > 0) continue;
      const post = body.slice(star + 1);
      if (/[$^+%]/.test(post)) continue;
      const words = patternWords(post, synsets).filter((w) => !FUNCTION_WORDS.has(w) && w.length > 2);
      if (words.length === 0) continue;
      const owners = comment
        ? blockVerbs.filter((v) => v.lemma.replace(/ /g, '_').toUpperCase() === comment)
        : blockVerbs;
      const code = sourceCode(codeText);
      for (const v of owners.length > 0 ? owners : blockVerbs) {
        if (codeText.trim() === '---') {
          const own = v.code ?? blockCode;
          if (own) for (const w of words) entry(v.lemma, own, false).rejectAny.add(w);
        } else if (code) for (const w of words) entry(v.lemma, code, true).requireAny.add(w);
      }
      continue;
    }
    if (line.startsWith('+') && !line.includes('_')) continue;
    // A verb line: "HURRY {HURRIES HURRYING HURRIED } [code]" or "+CALL_OFF [160]".
    const m = /^\+?([A-Z][A-Z'-]*(?:_[A-Z][A-Z'-]*)*)_?\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?/.exec(
      line.trim(),
    );
    if (!m?.[1] || line.trim().startsWith('&')) continue;
    if (/_\+/.test(line)) continue; // words before the verb ("WIRE_+TAP"): not handled
    const lemma = m[1].replace(/_/g, ' ').toLowerCase();
    const ownCode = m[3] !== undefined ? sourceCode(m[3]) : undefined;
    const code = ownCode === undefined ? blockCode : ownCode;
    blockVerbs.push({ lemma, code });
    if (code) entry(lemma, code, false);
    const forms = (m[2] ?? '')
      .split(/\s+/)
      .map((f) => f.replace(/^\+/, '').split('_')[0]?.toLowerCase() ?? '')
      .filter((f) => f.length > 0 && !f.endsWith('ing') && !/s$/.test(f));
    const first = lemma.split(' ')[0] ?? '';
    if (forms.length > 0 && first) irregular.push(`I\t${first}\t${forms[0]}\t${forms[forms.length - 1]}`);
  }

  const verbs: string[] = [];
  for (const v of out.values()) {
    if (skip(v.lemma)) continue;
    const target = ploverOf(plover, v.cameo);
    if (!target) continue;
    verbs.push(
      [
        'V',
        v.lemma,
        v.cameo,
        target.type,
        target.mode ?? '',
        [...v.requireAny].join('|'),
        [...v.rejectAny].join('|'),
      ].join('\t'),
    );
  }
  return [...new Set(irregular), ...verbs];
}

/** A parsed `*.verbs.tsv` record. */
export type VerbTableRecord =
  | {
      kind: 'verb';
      lemma: string;
      cameo: string;
      type: PloverType;
      mode: string | null;
      requireAny: string[];
      rejectAny: string[];
    }
  | { kind: 'irregular'; base: string; past: string; participle: string };

/** Parses a compact verb table; malformed lines are reported with their line number. */
export function parseVerbTable(text: string): { records: VerbTableRecord[]; problems: string[] } {
  const records: VerbTableRecord[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? '';
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    const where = `line ${n + 1}`;
    if (f[0] === 'I' && f[1] && f[2] && f[3]) {
      records.push({ kind: 'irregular', base: f[1], past: f[2], participle: f[3] });
    } else if (f[0] === 'V') {
      const type = PLOVER_TYPES.find((t) => t === f[3]);
      if (!f[1] || !/^(?:0[1-9]|1\d|20)\d{0,2}$/.test(f[2] ?? '') || !type) {
        problems.push(`${where}: a verb needs a lemma, a CAMEO code and a PLOVER type`);
        continue;
      }
      const list = (s: string | undefined): string[] => (s ? s.split('|').filter((w) => w.length > 0) : []);
      records.push({
        kind: 'verb',
        lemma: f[1],
        cameo: f[2] ?? '',
        type,
        mode: f[4] ? f[4] : null,
        requireAny: list(f[5]),
        rejectAny: list(f[6]),
      });
    } else problems.push(`${where}: record kind "${f[0] ?? ''}" must be V or I with all fields`);
  }
  return { records, problems };
}
