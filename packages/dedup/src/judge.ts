import type { DocFeatures } from './features.js';
import { missingFrom, specificBits } from './specifics.js';
import { estimateContainment } from './shingles.js';
import { fullestSize, type StoredCopy } from './story-record.js';

export interface Judgement {
  similarity: number;
  /** Index into the story's copies of the copy that matched best. */
  copyIndex: number;
}

/**
 * The smaller text's specifics absent from the larger: a syndicated copy does not bring numbers or names of
 * its own that the fuller text lacks; a different article on the same topic, or a rewrite, does. The
 * part of the smaller text that is not shared may be boilerplate, but not news of its own. The query's
 * items are projected onto the stored copy's bit-set size, so a short query is checked item by item
 * against a long stored text (whose larger set does not fill up).
 */
function agree(
  queryItems: readonly number[],
  queryBits: Uint32Array,
  stored: Uint32Array,
  querySmaller: boolean,
): boolean {
  if (stored.length === 0) return true;
  const query = queryBits.length === stored.length ? queryBits : specificBits(queryItems, stored.length * 32);
  const { total, missing } = querySmaller ? missingFrom(query, stored) : missingFrom(stored, query);
  return missing < 2 || missing <= 0.25 * total;
}

/** Same-topic guard on numbers (scores, amounts, dates). Returns true when the pair may be copies. */
export function numbersAgree(query: DocFeatures, copy: StoredCopy): boolean {
  return agree(query.numberList, query.numbers, copy.numbers, query.distinct.length <= copy.size);
}

/** Same-topic guard on names (people, places, organisations). Returns true when the pair may be copies. */
export function namesAgree(query: DocFeatures, copy: StoredCopy): boolean {
  return agree(query.nameList, query.names, copy.names, query.distinct.length <= copy.size);
}

/** Copies shorter than this share of a story's fullest copy are not compared with a newcomer. */
const DECIDING_SHARE = 0.5;

export interface JudgeContext {
  threshold: number;
  sketchSize: number;
  /** Positions of the stored anchors in an article's anchor sequence. */
  storedAnchorPositions: readonly number[];
  /** Anchors of the query found in this story's index entries. */
  anchorHits: number;
}

/**
 * Best containment of the query against the full-length copies of one story, or null when none reaches
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
  // one missed stored anchor in four is allowed (an edited word), not more: a text that only shares the
  // stored text's first sentence holds its first anchors but not the later ones
  const share = expected > 0 ? Math.min(1, ctx.anchorHits / expected) : 0;
  const anchorShare = share > 0.75 ? share : 0;
  // Only copies at least half as long as the story's fullest text decide: a lead-only copy is contained in
  // its story and also in any follow-up that repeats the lead, so matching it says nothing about the rest.
  const fullest = fullestSize(copies);
  copies.forEach((c, i) => {
    if (c.sketch.length === 0 || c.size < DECIDING_SHARE * fullest) return;
    const est = estimateContainment(query.distinct24, c.sketch, c.size, ctx.sketchSize);
    const value =
      est.samples < 8 && query.distinct.length < c.size ? Math.max(est.value, anchorShare) : est.value;
    if (value < ctx.threshold) return;
    if (!numbersAgree(query, c) || !namesAgree(query, c)) return;
    if (!best || value > best.similarity) best = { similarity: value, copyIndex: i };
  });
  return best;
}
