export { createEventCoder } from './coder.js';
export { mainEvents } from './main-events.js';
export type { MainEvent } from './main-events.js';
export { splitSentences } from './split-sentences.js';
export type { SentenceSpan } from './split-sentences.js';
export { loadLexicon, BUNDLED_LEXICON_DIR } from './lexicon/load-lexicon.js';
export { LexiconError } from './lexicon/lexicon-error.js';
export { PLOVER_TYPES } from './types.js';
export type {
  Actor,
  CodedEvent,
  EventCoder,
  EventCoderInput,
  EventCoderOptions,
  PloverType,
  Polarity,
} from './types.js';
