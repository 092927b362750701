import type { Mention } from './actors.js';
import type { Lexicon, VerbTrigger } from './lexicon/lexicon.js';
import type { Token } from './tokenize.js';
import type { PloverType } from './types.js';
import {
  ADVERB_FILLERS,
  BE_FORMS,
  DETERMINERS,
  HAVE_FORMS,
  MODALS,
  PREPOSITIONS,
  PRONOUNS,
} from './words.js';

/** A word or phrase that names an event (token indexes, end exclusive). */
export interface Trigger {
  start: number;
  end: number;
  kind: 'verb' | 'noun';
  lemma: string;
  type: PloverType;
  cameo: string;
  mode: string | null;
  needsSource: boolean;
  passive: boolean;
  /** A participle or gerund clause ("…, requesting radars"): its subject is the clause subject. */
  participial: boolean;
}

const BASE_FORM_OPENERS = new Set([
  'to',
  'not',
  "n't",
  'never',
  'did',
  'do',
  'does',
  'also',
  'jointly',
  'again',
  'and',
  'or',
]);
const INFINITIVE_BLOCKERS = new Set([
  'in',
  'for',
  'of',
  'by',
  'after',
  'before',
  'about',
  'from',
  'on',
  'without',
  'against',
  'with',
  'to',
  'at',
  'into',
  'than',
  'over',
]);

function previousContent(tokens: readonly Token[], i: number): { token: Token | undefined; index: number } {
  let k = i - 1;
  while (k >= 0 && ADVERB_FILLERS.has(tokens[k]?.norm ?? '')) k--;
  return { token: tokens[k], index: k };
}

function restMatches(tokens: readonly Token[], i: number, rest: readonly string[]): boolean {
  return rest.every((word, k) => tokens[i + 1 + k]?.norm === word);
}

function acceptVerbForm(
  tokens: readonly Token[],
  i: number,
  v: VerbTrigger,
  mentionEnds: ReadonlySet<number>,
): { ok: boolean; passive: boolean; participial: boolean } {
  const reject = { ok: false, passive: false, participial: false };
  const direct = tokens[i - 1]?.norm;
  // A determiner or possessive before the word makes it a noun: "the attack", "a request".
  if (direct !== undefined && DETERMINERS.has(direct)) return reject;
  const { token: prev, index: prevIndex } = previousContent(tokens, i);
  const p = prev?.norm;
  if (v.form === 'base') {
    const ok =
      p === undefined ||
      BASE_FORM_OPENERS.has(p) ||
      MODALS.has(p) ||
      (PRONOUNS.has(p) && p !== 'it' && p !== 'he' && p !== 'she') ||
      mentionEnds.has(prevIndex + 1);
    // "to" after a preposition-taking noun is not an infinitive ("a call to arms").
    return { ok, passive: false, participial: false };
  }
  if (v.form === 'ing') {
    if (p !== undefined && BE_FORMS.has(p) && p !== 'being')
      return { ok: true, passive: false, participial: false };
    if (p !== undefined && (INFINITIVE_BLOCKERS.has(p) || PREPOSITIONS.has(p))) return reject;
    return { ok: true, passive: false, participial: true };
  }
  if ((v.form === 'third' || v.form === 'past') && p !== undefined && PREPOSITIONS.has(p) && p !== 'to') {
    // "involvement in arms trafficking": a noun after a preposition.
    if (!(v.form === 'past' && tokens[i + 1 + v.rest.length]?.norm === 'by')) return reject;
  }
  if (v.form === 'past' || v.form === 'participle') {
    const beforeIsBe = p !== undefined && BE_FORMS.has(p);
    const followedByBy = tokens[i + 1 + v.rest.length]?.norm === 'by';
    if (
      beforeIsBe ||
      (followedByBy &&
        (v.form === 'participle' || v.ambiguousPast) &&
        !(p !== undefined && HAVE_FORMS.has(p)))
    ) {
      return { ok: true, passive: true, participial: !beforeIsBe };
    }
    if (v.form === 'participle' && !(p !== undefined && HAVE_FORMS.has(p))) return reject;
    return { ok: true, passive: false, participial: false };
  }
  return { ok: true, passive: false, participial: false };
}

/** Finds verb triggers, and nominal ones ("air strikes on…") for use when no verb is found. */
export function findTriggers(
  tokens: readonly Token[],
  lexicon: Lexicon,
  mentions: readonly Mention[],
  headline: boolean,
): Trigger[] {
  const inMention = new Set<number>();
  const mentionEnds = new Set<number>();
  for (const m of mentions) {
    for (let k = m.start; k < m.end; k++) inMention.add(k);
    mentionEnds.add(m.end);
  }
  const triggers: Trigger[] = [];
  const used = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || inMention.has(i) || used.has(i)) continue;
    // Capitalised words inside a sentence are names ("March", "Strike Force"), except in headlines.
    if (i > 0 && /^\p{Lu}/u.test(t.text) && !headline) continue;
    for (const v of lexicon.verbs.get(t.norm) ?? []) {
      if (!restMatches(tokens, i, v.rest)) continue;
      const verdict = acceptVerbForm(tokens, i, v, mentionEnds);
      if (!verdict.ok) continue;
      const end = i + 1 + v.rest.length;
      triggers.push({
        start: i,
        end,
        kind: 'verb',
        lemma: v.lemma,
        type: v.type,
        cameo: v.cameo,
        mode: v.mode,
        needsSource: v.needsSource,
        passive: verdict.passive,
        participial: verdict.participial,
      });
      for (let k = i; k < end; k++) used.add(k);
      break;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || inMention.has(i) || used.has(i)) continue;
    for (const n of lexicon.nouns.get(t.norm) ?? []) {
      if (!n.tokens.every((w, k) => tokens[i + k]?.norm === w)) continue;
      triggers.push({
        start: i,
        end: i + n.tokens.length,
        kind: 'noun',
        lemma: n.tokens.join(' '),
        type: n.type,
        cameo: n.cameo,
        mode: n.mode,
        needsSource: false,
        passive: false,
        participial: false,
      });
      i += n.tokens.length - 1;
      break;
    }
  }
  return triggers.sort((a, b) => a.start - b.start);
}
