import type { Lexicon } from './lexicon/lexicon.js';
import type { Token } from './tokenize.js';
import type { Polarity } from './types.js';
import { MODALS } from './words.js';

/** The lexicon's word lists (`wordLists` in lexicons/words.yaml). */
type WordLists = Lexicon['words'];

/** The modality of a trigger (see {@link classifyModality}). */
export interface Modality {
  polarity: Polarity;
  /**
   * How the source states an intention to act: `firm` ("will release", "would boycott",
   * "plans to attack"), `tentative` ("may halt"), `prepare` ("prepared to resume shelling").
   * PLOVER codes intentions as AGREE (cooperative), THREATEN (conflictual) or MOBILIZE.
   */
  intent: 'none' | 'firm' | 'tentative' | 'prepare';
}

/**
 * Classifies the modality of the trigger at token `at`: negated ("did not attack", "denied
 * attacking"), hypothetical ("could attack", "if … attacks"), future or planned ("will attack",
 * "plans to attack", "threatened to attack" for the attack) or asserted.
 */
export function classifyModality(
  tokens: readonly Token[],
  at: number,
  leftBound: number,
  isQuestion: boolean,
  words: WordLists,
): Modality {
  const polarity = classifyPolarity(tokens, at, leftBound, isQuestion, words);
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
    !head.some(
      (w) => words.intentMarkers.has(w) || words.tentativeMarkers.has(w) || words.prepareMarkers.has(w),
    )
  ) {
    return { polarity, intent: 'none' };
  }
  if (head.some((w) => words.prepareMarkers.has(w))) return { polarity, intent: 'prepare' };
  if (window.some((w) => words.intentMarkers.has(w))) return { polarity, intent: 'firm' };
  if (window.some((w) => words.tentativeMarkers.has(w))) return { polarity, intent: 'tentative' };
  return { polarity, intent: 'none' };
}

export function classifyPolarity(
  tokens: readonly Token[],
  at: number,
  leftBound: number,
  isQuestion: boolean,
  words: WordLists,
): Polarity {
  const from = Math.max(leftBound, at - 8);
  let start = from;
  for (let k = at - 1; k >= from; k--) {
    const w = tokens[k]?.norm ?? '';
    if (words.strongBoundaries.has(w)) {
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
  if (scope.some((w) => words.denials.has(w))) return 'negated';
  for (let k = 0; k + 1 < scope.length; k++) {
    if (words.rejections.has(scope[k] ?? '') && words.claims.has(scope[k + 1] ?? '')) return 'negated';
  }
  // A verb coordinated with an infinitive shares its modality: "to bolster … and seek aid".
  const before = tokens[at - 1]?.norm;
  if (before === 'and' || before === 'or') {
    for (let k = at - 2; k >= Math.max(leftBound, at - 16); k--) {
      const w = tokens[k]?.norm ?? '';
      if (words.strongBoundaries.has(w) || w === ',') break;
      if (
        w === 'to' &&
        /^[a-z]+$/.test(tokens[k + 1]?.text ?? '') &&
        !['the', 'a', 'an'].includes(tokens[k + 1]?.norm ?? '')
      )
        return 'future';
    }
  }
  if (window.some((w) => words.negations.has(w))) return 'negated';
  const lastTo = window.lastIndexOf('to');
  if (
    window.slice(0, lastTo >= 0 ? lastTo : window.length).some((w) => words.negatingVerbs.has(w)) &&
    lastTo >= 0
  )
    return 'negated';
  if (window.length > 0 && words.negatingVerbs.has(window[window.length - 1] ?? '')) return 'negated';
  if (isQuestion) return 'hypothetical';
  if (window.some((w) => words.hypotheticalCues.has(w)) || conditional) return 'hypothetical';
  if (window.some((w) => words.futureCues.has(w) || (MODALS.has(w) && w === 'will'))) return 'future';
  if (lastTo >= 0 && lastTo === window.length - 1) {
    const governor = window[lastTo - 1] ?? '';
    if (words.completiveGovernors.has(governor)) return 'asserted';
    const head = window.slice(0, lastTo);
    if (head.some((w) => words.futureGovernors.has(w) || MODALS.has(w) || words.hypotheticalCues.has(w)))
      return 'future';
    // A purpose clause after a completed action happened with it: "shunned work to protest".
    if (head.some((w) => /^[a-z]{3,}ed$/.test(w) || words.pastActions.has(w))) return 'asserted';
    return 'future';
  }
  if (
    lastTo >= 0 &&
    window.slice(0, lastTo).some((w) => words.futureGovernors.has(w)) &&
    window.slice(lastTo + 1).every((w) => !/^[a-z]+ed$/.test(w))
  )
    return 'future';
  return 'asserted';
}
