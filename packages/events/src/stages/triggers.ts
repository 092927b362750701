import type { Lexicon } from '../lexicon/lexicon.js';
import { findTriggers, type Trigger } from '../triggers.js';
import type { ActorMention } from './actors.js';
import type { Sentence } from './sentences.js';

/** Stage 4 output: a verb or noun of the lexicon found in a sentence, with its PLOVER reading. */
export type TriggerMatch = Trigger;

/** Stage 4: the event triggers of a sentence (headlines allow bare-verb readings). */
export function findSentenceTriggers(
  sentence: Sentence,
  actors: readonly ActorMention[],
  lexicon: Lexicon,
): TriggerMatch[] {
  return findTriggers(sentence.tokens, lexicon, actors, sentence.headline);
}
