import type { Lexicon } from '../lexicon/lexicon.js';
import { findSpeechFrames, type SpeechFrame } from '../speech.js';
import type { Token } from '../tokenize.js';
import type { Trigger } from '../triggers.js';
import { BE_FORMS } from '../words.js';
import type { ActorMention } from './actors.js';
import type { Sentence } from './sentences.js';

/** Stage 3 output: a reported-speech clause (speaker frame and the token span of its content). */
export type Clause = SpeechFrame;

/** Stage 3: the reported-speech clauses of a sentence ("X said …", "according to X"). */
export function findClauses(sentence: Sentence, actors: readonly ActorMention[], lexicon: Lexicon): Clause[] {
  return findSpeechFrames(sentence.tokens, actors, lexicon.words.speechVerbs);
}

/** The reported-speech clause whose content holds token `index`. */
export function clauseAt(clauses: readonly Clause[], index: number): Clause | undefined {
  return clauses.find((f) => index >= f.contentStart && index < f.contentEnd);
}

/**
 * Whether a trigger sits in a background clause: a subordinate clause ("after X attacked"), an
 * infinitive ("to demand") or a participle after the main verb ("…, demanding").
 * `subordinators` is the lexicon's `wordLists.subordinators`.
 */
export function isBackground(
  tokens: readonly Token[],
  trigger: Trigger,
  verbs: readonly Trigger[],
  subordinators: ReadonlySet<string>,
): boolean {
  const before = tokens[trigger.start - 1]?.norm;
  if (trigger.participial && trigger.start > 0) {
    // "…, demanding", "a lunch hosted by …": a participle after the main verb is background.
    const firstVerb = verbs[0];
    if (firstVerb && firstVerb.start < trigger.start && firstVerb !== trigger) return true;
  }
  // An infinitive is never the main clause: "staged demonstrations to demand reforms", "a call
  // for its forces to be deployed".
  if (before === 'to') return true;
  if (before !== undefined && BE_FORMS.has(before) && tokens[trigger.start - 2]?.norm === 'to') return true;
  let comma = false;
  for (let k = trigger.start - 1; k >= 0; k--) {
    const w = tokens[k]?.norm ?? '';
    if (w === ';' || w === ':') return false;
    if (w === ',') comma = true;
    // "Amid a buildup…, Maduro appealed": a fronted clause ends at its comma.
    if (subordinators.has(w)) return !(k <= 1 && comma);
    if (verbs.some((v) => v !== trigger && v.start === k)) return false;
  }
  return false;
}
