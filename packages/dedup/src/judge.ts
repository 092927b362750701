import type { DocFeatures } from './features.js';
import { estimateContainment } from './shingles.js';
import type { StoredCopy } from './story-record.js';

export interface Judgement {
  similarity: number;
  /** Index into the story's copies of the copy that matched best. */
  copyIndex: number;
}

/**
 * Same-topic guard on numbers: a syndicated copy does not bring numbers of its own (scores, amounts,
 * dates) that the fuller text lacks. Counts the smaller text's numbers absent from the larger.
 * Returns true when the pair may be copies.
 */
export function numbersAgree(query: DocFeatures, copy: StoredCopy): boolean {
  let unshared = 0;
  let total = 0;
  if (query.distinct.length <= copy.size) {
    const stored = new Set(copy.numbers);
    const capped = copy.numbers.length >= 8;
    for (const n of query.numbers) {
      total++;
      if (!stored.has(n)) unshared++;
    }
    if (capped) unshared = Math.max(0, unshared - 2);
  } else {
    for (const n of copy.numbers) {
      total++;
      if (!query.numberSet.has(n)) unshared++;
    }
  }
  return unshared < 2 || unshared <= 0.25 * total;
}

/**
 * Best containment of the query against the copies of one story, or null when no copy reaches
 * `threshold` with the guards passing.
 */
export function judgeStory(
  query: DocFeatures,
  copies: readonly StoredCopy[],
  threshold: number,
  sketchSize: number,
): Judgement | null {
  let best: Judgement | null = null;
  copies.forEach((c, i) => {
    if (c.sketch.length === 0) return;
    const est = estimateContainment(query.distinct24, c.sketch, c.size, sketchSize);
    if (est.value < threshold) return;
    if (!numbersAgree(query, c)) return;
    if (!best || est.value > best.similarity) best = { similarity: est.value, copyIndex: i };
  });
  return best;
}
