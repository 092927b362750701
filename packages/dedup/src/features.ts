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
  /** Anchors written besides those at `storedAnchorPositions`, spread evenly over the rest of the text: a
   * copy whose opening was rewritten, or an excerpt from the middle, still shares some of them. */
  spreadAnchors: number;
  /** Anchors looked up per article at most: all of a text's, from its whole length (evenly spaced past
   * the cap), so that stored anchors are found wherever they sit in the copy. */
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
  spreadAnchors: 3,
  queryAnchors: 64,
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

/** `limit` items of `items` at evenly spaced positions, the first included (all of them when they fit). */
function evenlySpaced(items: number[], limit: number): number[] {
  if (items.length <= limit) return items;
  const out: number[] = [];
  for (let k = 0; k < limit; k++) out.push(items[Math.floor((k * items.length) / limit)] ?? 0);
  return out;
}

/** Everything the index needs from one document, computed once, without I/O. */
export function computeFeatures(
  text: string,
  givenAttribution: Attribution | null | undefined,
  params: FeatureParams = DEFAULT_FEATURE_PARAMS,
  outletBoilerplate: ReadonlySet<number> = new Set(),
): DocFeatures {
  const stripped = stripAttributionAndBoilerplate(text, outletBoilerplate);
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
  const all = anchors(seq, Number.POSITIVE_INFINITY, params.anchorRate);
  const queryAnchors = evenlySpaced(all, params.queryAnchors);
  const opening = params.storedAnchorPositions.flatMap((p) => (p < all.length ? [all[p] ?? 0] : []));
  const rest = all.slice(Math.max(0, ...params.storedAnchorPositions) + 1);
  const spread =
    rest.length <= params.spreadAnchors ? rest : evenlySpaced(rest, params.spreadAnchors + 1).slice(1);
  return {
    words: tokens.length,
    bodyHash: hash64(tokens.join(' ')),
    distinct,
    distinct24,
    sketch: distinctShifted(minhashSignature(distinct, params.sketchSize), 8),
    storedAnchors: [...opening, ...spread],
    queryAnchors,
    numbers,
    names,
    numberList,
    nameList,
    attribution,
  };
}
