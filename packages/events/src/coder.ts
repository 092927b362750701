import { findDates, toIsoDate } from './dates.js';
import { loadLexicon } from './lexicon/load-lexicon.js';
import { findActors } from './stages/actors.js';
import { findClauses } from './stages/clauses.js';
import { CRIME_CUES, DocumentCoder } from './stages/events.js';
import { splitDocument } from './stages/sentences.js';
import { findSentenceTriggers } from './stages/triggers.js';
import type { CodedEvent, EventCoder, EventCoderInput, EventCoderOptions } from './types.js';

function parsePublished(value: string | null | undefined, now: () => Date): { date: Date; known: boolean } {
  if (value) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return { date: d, known: true };
  }
  return { date: now(), known: false };
}

/**
 * Creates a rule-based political event coder (PLOVER types with CAMEO codes) driven by the YAML
 * lexicons in `options.lexiconDir`. Lexicons are read and validated once, here.
 *
 * Each document runs through the stages in order: sentences (`Sentence[]`) -> actors
 * (`ActorMention[]`) -> clauses (`Clause[]`, reported speech) -> triggers (`TriggerMatch[]`) ->
 * modality (`ModalReading`, per trigger inside the events stage) -> events (`CodedEvent[]`).
 */
export function createEventCoder(options: EventCoderOptions = {}): EventCoder {
  const lexicon = loadLexicon(options.lexiconDir);
  const now = options.now ?? (() => new Date());
  const includeNonAsserted = options.includeNonAsserted ?? false;
  return {
    code(input: EventCoderInput): CodedEvent[] {
      const published = parsePublished(input.publishedAt, now);
      const publishedIso = toIsoDate(published.date);
      // The day that picks a person's role (office holders change): YYYYMMDD of the publication.
      const day = Number(publishedIso.replaceAll('-', '').slice(0, 8));
      const crime = CRIME_CUES.test(`${input.title ?? ''}\n${input.text}`);
      const doc = new DocumentCoder(lexicon, includeNonAsserted, crime);
      const events: CodedEvent[] = [];
      for (const sentence of splitDocument(input)) {
        const mentions = findActors(sentence, lexicon, day);
        const frames = findClauses(sentence, mentions, lexicon);
        const dates = findDates(sentence.tokens, published.date);
        const triggers = findSentenceTriggers(sentence, mentions, lexicon);
        events.push(
          ...doc.codeSentence({
            sentence: sentence.span,
            tokens: sentence.tokens,
            mentions,
            frames,
            triggers,
            dates,
            published: published.date,
            publishedIso,
            hasPublished: published.known,
            field: sentence.field,
            verbTokens: new Set(),
          }),
        );
      }
      return events;
    },
  };
}
