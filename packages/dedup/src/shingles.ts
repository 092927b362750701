import { fmix32, hashToken } from './hash.js';

/**
 * Hashed word k-grams (32-bit), in document order (duplicates kept). A text shorter than k words
 * yields one shingle of all its words.
 */
export function shingles(tokens: readonly string[], k = 5): Uint32Array {
  if (tokens.length === 0) return new Uint32Array(0);
  const th = tokens.map(hashToken);
  const n = Math.max(1, th.length - k + 1);
  const w = Math.min(k, th.length);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c ^ w;
    for (let j = 0; j < w; j++) {
      h = Math.imul(h ^ (th[i + j] ?? 0), 0x5bd1e995);
      h = (h << 13) | (h >>> 19);
    }
    out[i] = fmix32(h);
  }
  return out;
}

/** Distinct values, sorted ascending. */
export function distinctSorted(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] ?? 0;
  }
  return sorted.slice(0, n);
}

/** The values of an ascending array shifted right by `bits`, distinct (still ascending: no sort needed). */
export function distinctShifted(sorted: Uint32Array, bits: number): Uint32Array {
  const out = new Uint32Array(sorted.length);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = (sorted[i] ?? 0) >>> bits;
    if (n === 0 || out[n - 1] !== v) out[n++] = v;
  }
  return out.slice(0, n);
}

/**
 * Bottom-k MinHash sketch: the k smallest distinct shingle hashes (one-permutation MinHash). Because it is
 * a consistent sample, containment can be estimated against it in both directions (see `estimateContainment`).
 */
export function minhashSignature(distinct: Uint32Array, k = 24): Uint32Array {
  return distinct.slice(0, k);
}

/**
 * LSH keys ("anchors"): shingles whose hash falls in a fixed 1/rate slice (a consistent, content-defined
 * sample), in document order, first `limit` distinct. Syndicated copies keep the start of a story, so the
 * first anchors survive truncation, added leads (they only add anchors) and footers; lookup cost is one
 * hash-field read per anchor, whatever the index size.
 */
export function anchors(seq: Uint32Array, limit: number, rate = 6): number[] {
  const out: number[] = [];
  const threshold = Math.floor(0x100000000 / rate);
  for (const h of seq) {
    // use a second mix so the anchor sample is independent of the bottom-k order
    if (fmix32(h ^ 0x5f3759df) < threshold && !out.includes(h)) {
      out.push(h);
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** Exact containment |A∩B| / min(|A|,|B|) of two distinct-sorted sets; 0 when either is empty. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  return intersectionSize(a, b) / Math.min(a.length, b.length);
}

/** Exact Jaccard |A∩B| / |A∪B| of two distinct-sorted sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  const i = intersectionSize(a, b);
  return i / (a.length + b.length - i);
}

export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function has(sorted: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] ?? 0;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export interface ContainmentEstimate {
  /** Estimated shared shingles over the smaller text's shingles. */
  value: number;
  /** Number of sampled shingles the estimate rests on. */
  samples: number;
}

/**
 * Containment (shared shingles over the smaller text) of a full set `query` (distinct-sorted) against a
 * stored bottom-k `sketch` of a text with `storedSize` distinct shingles.
 * - stored text smaller: fraction of its sample found in the query (k samples);
 * - query smaller: among the query's shingles below the sketch's threshold, the fraction in the sketch.
 * Exact when the stored text has no more than k shingles.
 */
export function estimateContainment(
  query: Uint32Array,
  sketch: Uint32Array,
  storedSize: number,
  k: number,
): ContainmentEstimate {
  if (query.length === 0 || sketch.length === 0) return { value: 0, samples: 0 };
  if (sketch.length < k || storedSize <= sketch.length) {
    const shared = intersectionSize(query, sketch);
    return { value: shared / Math.min(query.length, sketch.length), samples: sketch.length };
  }
  if (storedSize <= query.length) {
    let shared = 0;
    for (const x of sketch) if (has(query, x)) shared++;
    return { value: shared / sketch.length, samples: sketch.length };
  }
  const tau = sketch[sketch.length - 1] ?? 0;
  let below = 0;
  let shared = 0;
  for (const x of query) {
    if (x > tau) break;
    below++;
    if (has(sketch, x)) shared++;
  }
  if (below >= 4) return { value: shared / below, samples: below };
  // too few of the query's shingles fall below the threshold: scale the other direction's estimate
  let found = 0;
  for (const x of sketch) if (has(query, x)) found++;
  const estShared = (found / sketch.length) * storedSize;
  return { value: Math.min(1, estShared / query.length), samples: below };
}
