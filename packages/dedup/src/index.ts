export { createDedupIndex, articleStoryId, DedupConflictError } from './dedup-index.js';
export type {
  DedupDocument,
  DedupDecision,
  DedupIndex,
  DedupIndexOptions,
  MatchedBy,
  StoryCopy,
  StoryState,
} from './types.js';
export { normalizeText, tokenize, splitParagraphs, splitSentences } from './normalize.js';
export { stripAttributionAndBoilerplate, type StrippedText } from './boilerplate.js';
export { parseAttribution, parseAttributionSentence, sameOutlet, type Attribution } from './attribution.js';
export {
  shingles,
  distinctSorted,
  distinctShifted,
  minhashSignature,
  anchors,
  containment,
  jaccard,
  estimateContainment,
  type ContainmentEstimate,
} from './shingles.js';
export { computeFeatures, DEFAULT_FEATURE_PARAMS, type DocFeatures, type FeatureParams } from './features.js';
export { namesAgree, numbersAgree, judgeStory, type Judgement } from './judge.js';
export { hash64, hashToken } from './hash.js';
export { nameHashes, numberHashes, specificBits, missingFrom, NAME_BITS, NUMBER_BITS } from './specifics.js';
export { toStoryState } from './story-state.js';
