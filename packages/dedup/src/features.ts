import type { Attribution } from './attribution.js';
import { stripAttributionAndBoilerplate } from './boilerplate.js';
import { hash64 } from './hash.js';
import { tokenize } from './normalize.js';
import {
  MAX_NAME_BITS,
  MAX_NUMBER_BITS,
  NAME_BITS,
  NUMBER_BITS,
  nameHashes,
  numberHashes,
  sizedBits,
} from './specifics.js';
import { anchors, distinctShifted, distinctSorted, minhashSignature, shingles } from './shingles.js';

export interface FeatureParams {
  /** Words per shingle. */
  shingleSize: number;
  /** Bottom-k sketch size kept per copy. */
  sketchSize: number;
  /** Positions (in the article's anchor sequence) of the anchors written to the LSH index: the first two
   * survive truncation to one sentence, a later one survives an edit of the first sentence. */
  storedAnchorPositions: readonly number[];
  /** Anchors looked up per article (more than stored: a lead may push the shared ones back). */
  queryAnchors: number;
  /** One shingle in `anchorRate` is an anchor candidate. */
  anchorRate: number;
  /** Texts with fewer words than this are not matched by content (only by id/URL). */
  minWords: number;
}

export const DEFAULT_FEATURE_PARAMS: FeatureParams = {
  shingleSize: 5,
  sketchSize: 20,
  storedAnchorPositions: [0, 1, 4],
  queryAnchors: 10,
  anchorRate: 6,
  minWords: 12,
};

export interface DocFeatures {
  words: number;
  /** 8-byte hash of the normalized body; null when the body is too short to match on. */
  bodyHash: Buffer | null;
  /** Distinct shingle hashes, sorted. */
  distinct: Uint32Array;
  /** The same reduced to their top 24 bits (what sketches store), sorted, distinct. */
  distinct24: Uint32Array;
  /** Bottom-k sketch, top 24 bits of each hash (3 bytes stored per value). */
  sketch: Uint32Array;
  storedAnchors: number[];
  queryAnchors: number[];
  /** The numbers of the text as a bit set sized for their count (see `sizedBits`): what a record keeps. */
  numbers: Uint32Array;
  /** The names of the text as a bit set. */
  names: Uint32Array;
  /** Distinct hashes of the numbers and names, to project onto a stored copy's bit-set size. */
  numberList: number[];
  nameList: number[];
  attribution: Attribution | null;
}

/** Everything the index needs from one document, computed once, without I/O. */
export function computeFeatures(
  text: string,
  givenAttribution: Attribution | null | undefined,
  params: FeatureParams = DEFAULT_FEATURE_PARAMS,
): DocFeatures {
  const stripped = stripAttributionAndBoilerplate(text);
  const tokens = tokenize(stripped.body);
  const attribution = givenAttribution ?? stripped.attribution;
  const numberList = [...new Set(numberHashes(tokens))];
  const nameList = [...new Set(nameHashes(stripped.body))];
  const numbers = sizedBits(numberList, NUMBER_BITS, MAX_NUMBER_BITS);
  const names = sizedBits(nameList, NAME_BITS, MAX_NAME_BITS);
  if (tokens.length < params.minWords) {
    return {
      words: tokens.length,
      bodyHash: null,
      distinct: new Uint32Array(0),
      distinct24: new Uint32Array(0),
      sketch: new Uint32Array(0),
      storedAnchors: [],
      queryAnchors: [],
      numbers,
      names,
      numberList,
      nameList,
      attribution,
    };
  }
  const seq = shingles(tokens, params.shingleSize);
  const distinct = distinctSorted(seq);
  const distinct24 = distinctShifted(distinct, 8);
  const queryAnchors = anchors(
    seq,
    Math.max(params.queryAnchors, ...params.storedAnchorPositions.map((p) => p + 1)),
    params.anchorRate,
  );
  return {
    words: tokens.length,
    bodyHash: hash64(tokens.join(' ')),
    distinct,
    distinct24,
    sketch: distinctShifted(minhashSignature(distinct, params.sketchSize), 8),
    storedAnchors: params.storedAnchorPositions.flatMap((p) =>
      p < queryAnchors.length ? [queryAnchors[p] ?? 0] : [],
    ),
    queryAnchors,
    numbers,
    names,
    numberList,
    nameList,
    attribution,
  };
}
