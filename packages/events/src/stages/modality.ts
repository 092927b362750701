import type { Lexicon } from '../lexicon/lexicon.js';
import { classifyModality, type Modality } from '../polarity.js';
import type { Token } from '../tokenize.js';
import type { Trigger } from '../triggers.js';
import type { PloverType } from '../types.js';

/** Stage 5 output: polarity of a trigger (negated, hypothetical, future) and its stated intent. */
export type ModalReading = Modality;

/** The event type and CAMEO code a stated intention, plan or refusal is coded as. */
export interface DerivedIntent {
  type: PloverType;
  cameo: string;
}

/** What a stated intention to do an event of each type is coded as. */
const INTENT_TYPES: Partial<Record<PloverType, DerivedIntent>> = {
  AGREE: { type: 'AGREE', cameo: '030' },
  CONSULT: { type: 'AGREE', cameo: '036' },
  SUPPORT: { type: 'AGREE', cameo: '030' },
  COOPERATE: { type: 'AGREE', cameo: '031' },
  AID: { type: 'AGREE', cameo: '033' },
  CONCEDE: { type: 'AGREE', cameo: '030' },
  RETREAT: { type: 'AGREE', cameo: '030' },
  PROTEST: { type: 'THREATEN', cameo: '130' },
  SANCTION: { type: 'THREATEN', cameo: '131' },
  MOBILIZE: { type: 'THREATEN', cameo: '138' },
  COERCE: { type: 'THREATEN', cameo: '130' },
  ASSAULT: { type: 'THREATEN', cameo: '138' },
};

const CONFLICT_TYPES = new Set<PloverType>(['PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);

/** Stage 5: the modality of a trigger, read from the words of its clause before it. */
export function readModality(
  tokens: readonly Token[],
  trigger: Trigger,
  leftBound: number,
  isQuestion: boolean,
  lexicon: Lexicon,
): ModalReading {
  return classifyModality(tokens, trigger.start, leftBound, isQuestion, lexicon.words);
}

/** The event a stated intention, plan or refusal amounts to (see {@link Modality}). */
export function derivedIntent(
  tokens: readonly Token[],
  trigger: Trigger,
  modality: ModalReading,
  hasSource: boolean,
  rightBound: number,
): DerivedIntent | undefined {
  if (!hasSource) return undefined;
  // "will not accept", "failed to reach agreement": a refusal.
  if (modality.polarity === 'negated' && trigger.type === 'AGREE') return { type: 'REJECT', cameo: '120' };
  if (modality.intent === 'none') return undefined;
  if (modality.intent === 'prepare' && (trigger.type === 'ASSAULT' || trigger.type === 'COERCE'))
    return { type: 'MOBILIZE', cameo: '150' };
  const after = tokens.slice(trigger.end, rightBound).map((t) => t.norm);
  const conditional = after.includes('unless');
  if (CONFLICT_TYPES.has(trigger.type) || (conditional && modality.intent === 'firm'))
    return INTENT_TYPES[trigger.type] && CONFLICT_TYPES.has(trigger.type)
      ? INTENT_TYPES[trigger.type]
      : { type: 'THREATEN', cameo: '130' };
  if (modality.intent === 'firm') return INTENT_TYPES[trigger.type];
  return undefined;
}
