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
  needsTarget: boolean;
  requireAny: string[];
  rejectAny: string[];
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
  // "help support", "helped rebuild": the helped action is a verb.
  'help',
  'helps',
  'helped',
  'helping',
]);
const INDEFINITE = new Set(['a', 'an']);
/** Verbs after which a gerund is the action: "resumed shelling" (not "stopped", which ends it). */
const ASPECTUAL_VERBS = new Set([
  'resume',
  'resumed',
  'resumes',
  'resuming',
  'continue',
  'continued',
  'continues',
  'continuing',
  'began',
  'begin',
  'begins',
  'begun',
  'start',
  'started',
  'starts',
  'keep',
  'kept',
  'keeps',
]);
/** Participles that after "be" + "to" describe a stance: "is opposed to". */
const ADJECTIVAL_PARTICIPLES = new Set(['opposed']);
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

const OBJECT_PRONOUNS = new Set([
  'them',
  'themselves',
  'himself',
  'herself',
  'itself',
  'it',
  'him',
  'her',
  'us',
]);
const PARTICLES = new Set([
  'for',
  'on',
  'upon',
  'over',
  'out',
  'off',
  'up',
  'down',
  'in',
  'back',
  'to',
  'with',
  'at',
  'into',
  'a',
  'an',
  'the',
]);

/**
 * Matches the words after a phrase's first word; returns the end index or -1. A particle must
 * follow directly ("call for"); other words may come after up to two modifiers ("granted
 * political asylum", "restored full diplomatic ties").
 */
function restEnd(tokens: readonly Token[], i: number, rest: readonly string[]): number {
  let pos = i + 1;
  for (const word of rest) {
    if (tokens[pos]?.norm === word) {
      pos++;
      continue;
    }
    // "blew themselves up": a pronoun object may sit between verb and particle.
    if (
      PARTICLES.has(word) &&
      OBJECT_PRONOUNS.has(tokens[pos]?.norm ?? '') &&
      tokens[pos + 1]?.norm === word
    ) {
      pos += 2;
      continue;
    }
    // "pushing hard for", "called publicly on": one adverb may sit before the particle.
    const adverb = tokens[pos]?.norm ?? '';
    if (
      PARTICLES.has(word) &&
      (ADVERB_FILLERS.has(adverb) || adverb === 'hard' || /^[a-z]{3,}ly$/.test(adverb)) &&
      tokens[pos + 1]?.norm === word
    ) {
      pos += 2;
      continue;
    }
    if (PARTICLES.has(word)) return -1;
    let found = -1;
    for (let gap = 1; gap <= 2; gap++) {
      const skipped = tokens.slice(pos, pos + gap);
      if (
        skipped.length < gap ||
        skipped.some((t) => !/^[\p{Ll}][\p{L}-]*$/u.test(t.text) && t.norm !== "'s")
      )
        break;
      if (tokens[pos + gap]?.norm === word) {
        found = pos + gap;
        break;
      }
    }
    if (found < 0) return -1;
    pos = found + 1;
  }
  return pos;
}

const SUBJECT_OPENERS = new Set([
  'who',
  'which',
  'that',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  ',',
  'and',
  'also',
]);

function acceptVerbForm(
  tokens: readonly Token[],
  i: number,
  v: VerbTrigger,
  mentionEnds: ReadonlySet<number>,
  restLength: number,
  mentions: readonly Mention[],
): { ok: boolean; passive: boolean; participial: boolean } {
  const reject = { ok: false, passive: false, participial: false };
  const direct = tokens[i - 1]?.norm;
  // A determiner or possessive before the word makes it a noun: "the attack", "a request".
  if (direct !== undefined && DETERMINERS.has(direct)) return reject;
  const { token: prev, index: prevIndex } = previousContent(tokens, i);
  const p = prev?.norm;
  if (v.form === 'base') {
    // After an actor only a plural subject takes the base form: "rebels attack", not "general strike".
    // "a United Nations appeal", "a US offer": after an indefinite article the phrase is a noun.
    const owner = mentions.find((m) => m.end === prevIndex + 1);
    const indefinite = owner !== undefined && INDEFINITE.has(tokens[owner.start - 1]?.norm ?? '');
    // "The Philippines and France agree": coordinated actors are a plural subject too.
    const coordinated =
      owner !== undefined &&
      mentions.some((m) => m !== owner && m.group === owner.group && m.end <= owner.start);
    const pluralSubject =
      mentionEnds.has(prevIndex + 1) && (/[^s]s$/.test(prev?.text ?? '') || coordinated) && !indefinite;
    const ok =
      p === undefined ||
      BASE_FORM_OPENERS.has(p) ||
      MODALS.has(p) ||
      (PRONOUNS.has(p) && p !== 'it' && p !== 'he' && p !== 'she') ||
      pluralSubject;
    // "to" after a preposition-taking noun is not an infinitive ("a call to arms").
    return { ok, passive: false, participial: false };
  }
  if (v.form === 'ing') {
    if (p !== undefined && BE_FORMS.has(p) && p !== 'being')
      return { ok: true, passive: false, participial: false };
    // "resumed shelling", "began attacking": the gerund is the action itself.
    if (p !== undefined && ASPECTUAL_VERBS.has(p)) return { ok: true, passive: false, participial: false };
    if (p !== undefined && (INFINITIVE_BLOCKERS.has(p) || PREPOSITIONS.has(p))) return reject;
    // A participle clause follows a comma, its subject or a conjunction; after an adjective the
    // word is a noun modifier ("a widespread hacking campaign").
    const participleOk =
      p === undefined ||
      p === ',' ||
      p === 'and' ||
      p === 'while' ||
      p === 'then' ||
      mentionEnds.has(prevIndex + 1) ||
      ADVERB_FILLERS.has(tokens[i - 1]?.norm ?? '');
    return { ok: participleOk, passive: false, participial: true };
  }
  if (v.form === 'third') {
    // "Russia expels", "which threatens"; not "air raids", "the country's arms" or "a ban on
    // opposition rallies" (an actor inside a prepositional phrase is not a subject).
    const subject = mentions.find((m) => m.end === prevIndex + 1);
    const ok =
      p === undefined ||
      (subject !== undefined && subject.preposition === null) ||
      SUBJECT_OPENERS.has(p) ||
      ADVERB_FILLERS.has(tokens[i - 1]?.norm ?? '');
    return { ok, passive: false, participial: false };
  }
  if (v.form === 'past' && p !== undefined && PREPOSITIONS.has(p) && p !== 'to') {
    // "involvement in arms trafficking": a noun after a preposition.
    if (tokens[i + 1 + restLength]?.norm !== 'by') return reject;
  }
  if (v.form === 'past' || v.form === 'participle') {
    let beforeIsBe = p !== undefined && BE_FORMS.has(p);
    // "were killed or wounded": a participle coordinated with a passive one is passive too.
    if (!beforeIsBe && (p === 'and' || p === 'or')) {
      const a = tokens[prevIndex - 2]?.norm;
      beforeIsBe = a !== undefined && BE_FORMS.has(a) && /ed$|en$/.test(tokens[prevIndex - 1]?.norm ?? '');
    }
    const followedByBy = tokens[i + 1 + restLength]?.norm === 'by';
    // "Peru is opposed to Chilean arbitration": a state, not a passive.
    if (beforeIsBe && ADJECTIVAL_PARTICIPLES.has(tokens[i]?.norm ?? '') && tokens[i + 1]?.norm === 'to')
      return { ok: true, passive: false, participial: false };
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
  // Multi-word nouns ("air raids") are not verbs ("raids").
  const reserved = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const n = t
      ? lexicon.nouns
          .get(t.norm)
          ?.find((x) => x.tokens.length > 1 && x.tokens.every((w, k) => tokens[i + k]?.norm === w))
      : undefined;
    if (n) for (let k = 0; k < n.tokens.length; k++) reserved.add(i + k);
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || inMention.has(i) || used.has(i) || reserved.has(i)) continue;
    // Capitalised words inside a sentence are names ("March", "Strike Force"), except in headlines.
    if (i > 0 && /^\p{Lu}/u.test(t.text) && !headline) continue;
    for (const v of lexicon.verbs.get(t.norm) ?? []) {
      const end = restEnd(tokens, i, v.rest);
      if (end < 0) continue;
      const verdict = acceptVerbForm(tokens, i, v, mentionEnds, end - i - 1, mentions);
      if (!verdict.ok) continue;
      triggers.push({
        start: i,
        end,
        kind: 'verb',
        lemma: v.lemma,
        type: v.type,
        cameo: v.cameo,
        mode: v.mode,
        needsSource: v.needsSource,
        needsTarget: v.needsTarget,
        requireAny: v.requireAny,
        rejectAny: v.rejectAny,
        passive: verdict.passive,
        participial: verdict.participial,
      });
      for (let k = i; k < end; k++) used.add(k);
      break;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || used.has(i)) continue;
    for (const n of lexicon.nouns.get(t.norm) ?? []) {
      if (!n.tokens.every((w, k) => tokens[i + k]?.norm === w)) continue;
      // Inside an actor phrase only a compound that reaches past it ("artillery strikes").
      if (inMention.has(i) && (n.tokens.length === 1 || inMention.has(i + n.tokens.length - 1))) continue;
      triggers.push({
        start: i,
        end: i + n.tokens.length,
        kind: 'noun',
        lemma: n.tokens.join(' '),
        type: n.type,
        cameo: n.cameo,
        mode: n.mode,
        needsSource: false,
        needsTarget: false,
        requireAny: [],
        rejectAny: [],
        passive: false,
        participial: false,
      });
      i += n.tokens.length - 1;
      break;
    }
  }
  // "to help support the Palestinians": the event is the helped action, not aid.
  const helped = (t: Trigger): boolean =>
    t.kind === 'verb' &&
    t.lemma === 'help' &&
    triggers.some(
      (o) =>
        o !== t &&
        o.kind === 'verb' &&
        (o.start === t.end || (tokens[t.end]?.norm === 'to' && o.start === t.end + 1)),
    );
  return triggers.filter((t) => !helped(t)).sort((a, b) => a.start - b.start);
}
