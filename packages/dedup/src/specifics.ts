import { hashToken } from './hash.js';

/**
 * The specifics of a text (its numbers, its names) as a bit set: bit `hash % size` per distinct item.
 * "Items of A missing from B" is popcount(A & ~B), up to collisions. The size is a power of two of about
 * four bits per item, from a floor (an article has tens of names but few numbers) to a cap: a fixed
 * size would fill up on a long text, which then seems to hold every name of any other. Sets of two sizes
 * compare by folding the larger down to the smaller (h % small == (h % large) % small).
 */
export const NUMBER_BITS = 64;
export const NAME_BITS = 128;
export const MAX_NUMBER_BITS = 512;
export const MAX_NAME_BITS = 1024;

/** Bit-set size for `items` distinct specifics: a power of two, about four bits per item, within bounds. */
export function bitsFor(items: number, min: number, max: number): number {
  let size = min;
  while (size < items * 4 && size < max) size *= 2;
  return size;
}

/** Bit set of `distinct` hashes (no repeats), sized for their count. */
export function sizedBits(distinct: readonly number[], min: number, max: number): Uint32Array {
  return specificBits(distinct, bitsFor(distinct.length, min, max));
}

/** `bits` folded to `words` 32-bit words (a power-of-two fraction of its length). */
function fold(bits: Uint32Array, words: number): Uint32Array {
  if (bits.length <= words) return bits;
  const out = new Uint32Array(words);
  for (let i = 0; i < bits.length; i++) out[i % words] = (out[i % words] ?? 0) | (bits[i] ?? 0);
  return out;
}

export function specificBits(hashes: Iterable<number>, size: number = NUMBER_BITS): Uint32Array {
  const bits = new Uint32Array(size / 32);
  for (const h of hashes) {
    const b = (h >>> 0) % size;
    bits[b >>> 5] = (bits[b >>> 5] ?? 0) | (1 << (b & 31));
  }
  return bits;
}

function popcount(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Items of `a` (set bits) and how many of them `b` lacks; sets of two sizes compare at the smaller. */
export function missingFrom(a: Uint32Array, b: Uint32Array): { total: number; missing: number } {
  if (a.length !== b.length && a.length > 0 && b.length > 0) {
    const words = Math.min(a.length, b.length);
    return missingFrom(fold(a, words), fold(b, words));
  }
  let total = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    total += popcount(x);
    missing += popcount(x & ~(b[i] ?? 0));
  }
  return { total, missing };
}

/** Hashes of the tokens that contain a digit (amounts, scores, dates, times). */
export function numberHashes(tokens: readonly string[]): number[] {
  return tokens.filter((t) => /\d/.test(t)).map(hashToken);
}

/**
 * Hashes of the names of a text: capitalised words that do not open a sentence (people, places,
 * organisations, days), lower-cased, a trailing possessive dropped. A copy keeps the story's names; a
 * different article on the same topic brings its own. A word opens a sentence when only spaces, quotes
 * or brackets separate it from the text's start, a line break, or a sentence mark (. ! ? :).
 */
export function nameHashes(body: string): number[] {
  const out: number[] = [];
  const words = /[\p{L}\p{N}'’-]+/gu;
  for (let m = words.exec(body); m; m = words.exec(body)) {
    const w = m[0];
    const c = w.charCodeAt(0);
    const capitalised = c < 128 ? c >= 65 && c <= 90 : w.charAt(0) !== w.charAt(0).toLowerCase();
    if (!capitalised || w.length < 2) continue;
    let j = m.index - 1;
    while (j >= 0 && OPENERS.has(body.charAt(j))) j--;
    if (j < 0 || SENTENCE_END.has(body.charAt(j))) continue;
    out.push(hashToken(w.toLowerCase().replace(POSSESSIVE, '')));
  }
  return out;
}

const POSSESSIVE = /['’]s?$/u;
const OPENERS = new Set([' ', '\t', '"', '“', '‘', "'", '(', '[', '«', '—', '–', '\u00a0']);
const SENTENCE_END = new Set(['.', '!', '?', ':', '\n', '\r', '…']);
