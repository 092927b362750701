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

export interface JudgeContext {
  threshold: number;
  sketchSize: number;
  /** Positions of the stored anchors in an article's anchor sequence. */
  storedAnchorPositions: readonly number[];
  /** Anchors of the query found in this story's index entries. */
  anchorHits: number;
}

/**
 * Best containment of the query against the copies of one story, or null when no copy reaches
 * `threshold` with the guards passing. A query too short for its sketch estimate to rest on enough
 * samples (a copy truncated to its first sentences) may instead pass on anchors: the share of the stored
 * anchors it should contain, were it the start of the stored text, that it does contain.
 */
export function judgeStory(
  query: DocFeatures,
  copies: readonly StoredCopy[],
  ctx: JudgeContext,
): Judgement | null {
  let best: Judgement | null = null;
  // if the query were the start of a stored text, this many of that text's stored anchors would be among its own
  const expected = ctx.storedAnchorPositions.filter((p) => p < query.queryAnchors.length).length;
  const anchorShare = expected > 0 ? Math.min(1, ctx.anchorHits / expected) : 0;
  copies.forEach((c, i) => {
    if (c.sketch.length === 0) return;
    const est = estimateContainment(query.distinct24, c.sketch, c.size, ctx.sketchSize);
    const value =
      est.samples < 8 && query.distinct.length < c.size ? Math.max(est.value, anchorShare) : est.value;
    if (value < ctx.threshold) return;
    if (!numbersAgree(query, c)) return;
    if (!best || value > best.similarity) best = { similarity: value, copyIndex: i };
  });
  return best;
}
