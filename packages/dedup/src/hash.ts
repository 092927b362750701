import { createHash } from 'node:crypto';

/** FNV-1a over the UTF-16 code units of `s`, 32 bits. Fast, stable across processes. */
export function hashToken(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** MurmurHash3 finaliser: spreads the bits of a 32-bit value. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 8-byte digest of a string, used for exact keys (article id, URL, normalized body). */
export function hash64(s: string): Buffer {
  return createHash('sha1').update(s).digest().subarray(0, 8);
}
