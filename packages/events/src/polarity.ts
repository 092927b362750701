import type { Token } from './tokenize.js';
import type { Polarity } from './types.js';
import { MODALS } from './words.js';

const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without', 'cannot']);
const NEGATING_VERBS = new Set([
  'deny',
  'denies',
  'denied',
  'denying',
  'refuse',
  'refuses',
  'refused',
  'refusing',
  'fail',
  'fails',
  'failed',
  'failing',
  'declined',
  'declines',
  'decline',
  'rejected',
  'rejects',
  'reject',
  'dismissed',
  'ruled',
]);
const HYPOTHETICAL = new Set([
  'could',
  'would',
  'might',
  'may',
  'should',
  'if',
  'unless',
  'whether',
  'can',
  "'d",
  'possibly',
  'perhaps',
  'likely',
  'unlikely',
  'must',
  'ought',
]);
const FUTURE = new Set(['will', 'shall', "'ll", 'wo', 'tomorrow', 'upcoming']);
const FUTURE_GOVERNORS = new Set([
  'plan',
  'plans',
  'planned',
  'planning',
  'intend',
  'intends',
  'intended',
  'intending',
  'expected',
  'set',
  'scheduled',
  'due',
  'about',
  'prepare',
  'prepares',
  'preparing',
  'prepared',
  'aim',
  'aims',
  'aiming',
  'going',
  'ready',
  'want',
  'wants',
  'wanted',
  'hope',
  'hopes',
  'hoped',
  'seek',
  'seeks',
  'sought',
  'seeking',
  'propose',
  'proposes',
  'proposed',
  'considering',
  'consider',
  'considers',
  'threatened',
  'threatens',
  'threaten',
  'threatening',
  'offered',
  'offers',
  'offer',
  'agreed',
  'agrees',
  'agree',
  'promised',
  'promises',
  'pledged',
  'pledges',
  'vowed',
  'vows',
  'urged',
  'urges',
  'asked',
  'asks',
  'called',
  'calls',
  'demanded',
  'demands',
  'order',
  'ordered',
  'orders',
  'allowed',
  'allow',
  'allows',
  'decided',
  'decides',
  'willing',
  'able',
  'unable',
  'need',
  'needs',
  'needed',
  'told',
  'warned',
  'warns',
  'invited',
  'invites',
  'pressed',
  'pressuring',
  'pressured',
  'requested',
  'appealed',
  'encouraged',
]);
const DENIALS = new Set(['deny', 'denies', 'denied', 'denying']);
const REJECTIONS = new Set([
  'rejected',
  'rejects',
  'reject',
  'dismissed',
  'dismisses',
  'refuted',
  'refutes',
  'disputed',
  'disputes',
]);
const CLAIMS = new Set([
  'allegations',
  'accusations',
  'claims',
  'charges',
  'reports',
  'suggestions',
  'assertions',
]);

/** Irregular past forms of action verbs that can be followed by a purpose clause. */
const PAST_ACTIONS = new Set([
  'sent',
  'went',
  'met',
  'held',
  'took',
  'made',
  'gave',
  'came',
  'left',
  'set',
  'put',
  'began',
  'led',
  'brought',
  'fought',
  'struck',
  'stood',
  'ran',
  'flew',
  'rose',
]);

/** Verbs whose infinitive complement did happen: "attempted to assassinate", "continued to shell". */
const COMPLETIVE_GOVERNORS = new Set([
  'decided',
  'decides',
  'voted',
  'votes',
  'chose',
  'began',
  'begin',
  'begins',
  'started',
  'start',
  'starts',
  'continued',
  'continue',
  'continues',
  'continuing',
  'managed',
  'manages',
  'tried',
  'tries',
  'try',
  'attempted',
  'attempts',
  'attempt',
  'moved',
  'went',
  'resumed',
  'used',
  'proceeded',
  'rushed',
  'sought to',
  'helped',
]);
const STRONG_BOUNDARIES = new Set([
  ';',
  ':',
  'that',
  'which',
  'who',
  'but',
  'while',
  'whereas',
  'although',
  '"',
  '“',
  '”',
]);

/**
 * Classifies the modality of the trigger at token `at`: negated ("did not attack", "denied
 * attacking"), hypothetical ("could attack", "if … attacks"), future or planned ("will attack",
 * "plans to attack", "threatened to attack" for the attack) or asserted.
 */
export interface Modality {
  polarity: Polarity;
  /**
   * How the source states an intention to act: `firm` ("will release", "would boycott",
   * "plans to attack"), `tentative` ("may halt"), `prepare` ("prepared to resume shelling").
   * PLOVER codes intentions as AGREE (cooperative), THREATEN (conflictual) or MOBILIZE.
   */
  intent: 'none' | 'firm' | 'tentative' | 'prepare';
}

const INTENT_MARKERS = new Set([
  'will',
  'would',
  'shall',
  "'ll",
  'wo',
  'plan',
  'plans',
  'planned',
  'planning',
  'intend',
  'intends',
  'intended',
  'intending',
  'willing',
  'ready',
  'going',
  'determined',
  'vowed',
  'vows',
  'pledged',
]);
const TENTATIVE_MARKERS = new Set([
  'may',
  'might',
  'could',
  'considering',
  'consider',
  'considers',
  'mulling',
]);
const PREPARE_MARKERS = new Set([
  'prepare',
  'prepares',
  'prepared',
  'preparing',
  'poised',
  'readying',
  'massing',
]);

export function classifyModality(
  tokens: readonly Token[],
  at: number,
  leftBound: number,
  isQuestion: boolean,
): Modality {
  const polarity = classifyPolarity(tokens, at, leftBound, isQuestion);
  if (polarity !== 'future' && polarity !== 'hypothetical') return { polarity, intent: 'none' };
  const window = tokens.slice(Math.max(leftBound, at - 6), at).map((t) => t.norm);
  // The action inside an "if" clause is a condition, not an intention.
  if (window.some((w) => w === 'if' || w === 'unless' || w === 'whether'))
    return { polarity, intent: 'none' };
  const lastTo = window.lastIndexOf('to');
  const head = lastTo < 0 ? window : window.slice(0, lastTo);
  // "threatened to attack": the governing verb is the event, not an intention to attack.
  if (
    lastTo >= 0 &&
    !head.some((w) => INTENT_MARKERS.has(w) || TENTATIVE_MARKERS.has(w) || PREPARE_MARKERS.has(w))
  ) {
    return { polarity, intent: 'none' };
  }
  if (head.some((w) => PREPARE_MARKERS.has(w))) return { polarity, intent: 'prepare' };
  if (window.some((w) => INTENT_MARKERS.has(w))) return { polarity, intent: 'firm' };
  if (window.some((w) => TENTATIVE_MARKERS.has(w))) return { polarity, intent: 'tentative' };
  return { polarity, intent: 'none' };
}

export function classifyPolarity(
  tokens: readonly Token[],
  at: number,
  leftBound: number,
  isQuestion: boolean,
): Polarity {
  const from = Math.max(leftBound, at - 8);
  let start = from;
  for (let k = at - 1; k >= from; k--) {
    const w = tokens[k]?.norm ?? '';
    if (STRONG_BOUNDARIES.has(w)) {
      start = k + 1;
      break;
    }
  }
  // "If X, Y …": the whole sentence up to the trigger is conditional.
  const conditional = tokens.slice(leftBound, at).some((t) => t.norm === 'if' || t.norm === 'unless');
  const window = tokens.slice(start, at).map((t) => t.norm);
  // "X denied (that) its forces attacked …", "rejected allegations that …": the rest of the
  // sentence is what is denied.
  const preceding = tokens.slice(0, at).map((t) => t.norm);
  const scope = preceding.slice(preceding.lastIndexOf(';') + 1);
  if (scope.some((w) => DENIALS.has(w))) return 'negated';
  for (let k = 0; k + 1 < scope.length; k++) {
    if (REJECTIONS.has(scope[k] ?? '') && CLAIMS.has(scope[k + 1] ?? '')) return 'negated';
  }
  // A verb coordinated with an infinitive shares its modality: "to bolster … and seek aid".
  const before = tokens[at - 1]?.norm;
  if (before === 'and' || before === 'or') {
    for (let k = at - 2; k >= Math.max(leftBound, at - 16); k--) {
      const w = tokens[k]?.norm ?? '';
      if (STRONG_BOUNDARIES.has(w) || w === ',') break;
      if (
        w === 'to' &&
        /^[a-z]+$/.test(tokens[k + 1]?.text ?? '') &&
        !['the', 'a', 'an'].includes(tokens[k + 1]?.norm ?? '')
      )
        return 'future';
    }
  }
  if (window.some((w) => NEGATIONS.has(w))) return 'negated';
  const lastTo = window.lastIndexOf('to');
  if (window.slice(0, lastTo >= 0 ? lastTo : window.length).some((w) => NEGATING_VERBS.has(w)) && lastTo >= 0)
    return 'negated';
  if (window.length > 0 && NEGATING_VERBS.has(window[window.length - 1] ?? '')) return 'negated';
  if (isQuestion) return 'hypothetical';
  if (window.some((w) => HYPOTHETICAL.has(w)) || conditional) return 'hypothetical';
  if (window.some((w) => FUTURE.has(w) || (MODALS.has(w) && w === 'will'))) return 'future';
  if (lastTo >= 0 && lastTo === window.length - 1) {
    const governor = window[lastTo - 1] ?? '';
    if (COMPLETIVE_GOVERNORS.has(governor)) return 'asserted';
    const head = window.slice(0, lastTo);
    if (head.some((w) => FUTURE_GOVERNORS.has(w) || MODALS.has(w) || HYPOTHETICAL.has(w))) return 'future';
    // A purpose clause after a completed action happened with it: "shunned work to protest".
    if (head.some((w) => /^[a-z]{3,}ed$/.test(w) || PAST_ACTIONS.has(w))) return 'asserted';
    return 'future';
  }
  if (
    lastTo >= 0 &&
    window.slice(0, lastTo).some((w) => FUTURE_GOVERNORS.has(w)) &&
    window.slice(lastTo + 1).every((w) => !/^[a-z]+ed$/.test(w))
  )
    return 'future';
  return 'asserted';
}
