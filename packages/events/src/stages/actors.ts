import { findMentions, type Mention } from '../actors.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Sentence } from './sentences.js';

/** Stage 2 output: an actor, place or coordinated list member named in a sentence. */
export type ActorMention = Mention;

/**
 * Stage 2: the actors of a sentence (noun phrases, people, titles, organisations, places).
 * `day` (YYYYMMDD of publication) picks an office holder's role.
 */
export function findActors(sentence: Sentence, lexicon: Lexicon, day: number): ActorMention[] {
  return findMentions(sentence.tokens, sentence.span.text, sentence.span.start, lexicon, day);
}
