import { describe, expect, it } from 'vitest';
import { computeFeatures } from './features.js';
import { hash64 } from './hash.js';
import { namesAgree, numbersAgree } from './judge.js';
import {
  bitsFor,
  MAX_NAME_BITS,
  missingFrom,
  NAME_BITS,
  nameHashes,
  sizedBits,
  specificBits,
} from './specifics.js';
import { tokenize } from './normalize.js';
import {
  anchors,
  containment,
  distinctShifted,
  distinctSorted,
  estimateContainment,
  jaccard,
  minhashSignature,
  shingles,
} from './shingles.js';
import { decodeStoryRecord, encodeStoryRecord, type StoredCopy } from './story-record.js';

const words = (n: number, seed: string): string =>
  Array.from({ length: n }, (_, i) => `${seed}${(i * 7919) % 1000}w${i}`).join(' ');

describe('shingles and hashing', () => {
  it('shifts a sorted set without reordering it and drops the values that become equal', () => {
    const sorted = Uint32Array.from([0x100, 0x1ff, 0x200, 0xffffffff]);
    expect([...distinctShifted(sorted, 8)]).toEqual([1, 2, 0xffffff]);
    expect([...distinctShifted(new Uint32Array(0), 8)]).toEqual([]);
  });
  it('hashes word k-grams deterministically and per position', () => {
    const t = tokenize('a b c d e f');
    const s = shingles(t, 5);
    expect(s).toHaveLength(2);
    expect(shingles(t, 5)).toEqual(s);
    expect(s[0]).not.toBe(s[1]);
    expect(shingles(['a', 'b'], 5)).toHaveLength(1);
  });
  it('gives 8-byte digests that differ for different inputs', () => {
    expect(hash64('a')).toHaveLength(8);
    expect(hash64('a').equals(hash64('a'))).toBe(true);
    expect(hash64('a').equals(hash64('b'))).toBe(false);
  });
});

describe('containment and MinHash sketches', () => {
  const long = distinctSorted(shingles(tokenize(words(400, 'x')), 5));
  const prefix = distinctSorted(shingles(tokenize(words(120, 'x')), 5));
  const other = distinctSorted(shingles(tokenize(words(300, 'y')), 5));

  it('scores a truncated copy as contained although Jaccard is low', () => {
    expect(containment(prefix, long)).toBe(1);
    expect(jaccard(prefix, long)).toBeLessThan(0.35);
    expect(containment(other, long)).toBe(0);
  });
  it('estimates containment from a bottom-k sketch in both directions', () => {
    const k = 24;
    const longSketch = minhashSignature(long, k);
    const prefixSketch = minhashSignature(prefix, k);
    expect(longSketch).toHaveLength(k);
    expect(estimateContainment(prefix, longSketch, long.length, k).value).toBeGreaterThan(0.9);
    expect(estimateContainment(long, prefixSketch, prefix.length, k).value).toBe(1);
    expect(estimateContainment(other, longSketch, long.length, k).value).toBe(0);
  });
  it('picks the same anchors in a copy that keeps the start of the text', () => {
    const full = shingles(tokenize(words(400, 'x')), 5);
    const lead = shingles(tokenize(`according to someone ${words(120, 'x')}`), 5);
    const stored = anchors(full, 6, 6);
    const query = anchors(lead, 16, 6);
    expect(stored.length).toBe(6);
    expect(stored.filter((a) => query.includes(a)).length).toBeGreaterThanOrEqual(5);
  });
});

describe('same-topic guard', () => {
  const base =
    'Oil rose to $51.39 a barrel on Tuesday as cold weather hit the US and Europe, traders said in London and New York.';
  const copy = computeFeatures(base, null);
  const stored = (text: string): StoredCopy => {
    const f = computeFeatures(text, null);
    return {
      articleId: 'x',
      source: 's',
      publishedAt: null,
      matchedBy: 'first',
      similarity: 1,
      size: f.distinct.length,
      sketch: f.sketch,
      numbers: f.numbers,
      names: f.names,
      attribution: [],
    };
  };
  it('accepts a fuller text that contains all the numbers', () => {
    expect(numbersAgree(copy, stored(`${base} Brent added $1.89 to $48.62.`))).toBe(true);
  });
  it('rejects a text whose numbers differ (a different day, a follow-up)', () => {
    const followUp =
      'Oil rose to $55.67 a barrel on Thursday as cold weather hit the US and Europe, traders said in London and New York 2005.';
    expect(numbersAgree(computeFeatures(followUp, null), stored(base))).toBe(false);
  });

  const match =
    'The home side won the cup final at the national stadium on Saturday. Coach Maria Lopes praised the defence, and striker Tomas Berg scored twice before Ivan Petrov added a third late on.';
  it('accepts a copy whose names are all in the fuller text', () => {
    const truncated = computeFeatures(match.split('. ')[0] ?? '', null);
    expect(namesAgree(truncated, stored(`${match} Fans celebrated in the streets until midnight.`))).toBe(
      true,
    );
    expect(namesAgree(computeFeatures(match, null), stored(match))).toBe(true);
  });
  it('rejects a same-topic text that brings people of its own', () => {
    const other = match.replace('Maria Lopes', 'Anna Kowalski').replace('Tomas Berg', 'Luca Rossi');
    expect(namesAgree(computeFeatures(other, null), stored(match))).toBe(false);
  });
  it('checks a short copy name by name against a long text with many names', () => {
    // a long report naming 150 people, and a short text that shares its opening but names three others
    const people = Array.from({ length: 150 }, (_, i) => `the envoy Person${i} spoke`).join(', ');
    const long = `${base} Delegates met for hours, and ${people}.`;
    const short = `${base} Ministers Alvarado, Okonkwo and Lindqvist were not there.`;
    expect(namesAgree(computeFeatures(short, null), stored(long))).toBe(false);
    expect(namesAgree(computeFeatures(base, null), stored(long))).toBe(true);
  });
  it('takes names from inside sentences, lower-cased, not the capitalised first word', () => {
    const a = nameHashes("Reports say Kyiv and KYIV are one. Officials met in Kyiv's centre.");
    expect(new Set(a).size).toBe(1);
    expect(nameHashes('Officials met in Kyiv.')).toEqual(a.slice(0, 1));
  });
  it('counts the items of one set missing from another', () => {
    const all = specificBits([1, 2, 3, 200]);
    expect(missingFrom(specificBits([1, 2]), all)).toEqual({ total: 2, missing: 0 });
    expect(missingFrom(all, specificBits([1, 2]))).toEqual({ total: 4, missing: 2 });
    expect(missingFrom(specificBits([]), all)).toEqual({ total: 0, missing: 0 });
  });
  it('sizes the bit set for the count, so a long text does not seem to hold every name', () => {
    expect(bitsFor(10, NAME_BITS, MAX_NAME_BITS)).toBe(NAME_BITS);
    expect(bitsFor(100, NAME_BITS, MAX_NAME_BITS)).toBe(512);
    expect(bitsFor(100_000, NAME_BITS, MAX_NAME_BITS)).toBe(MAX_NAME_BITS);
    const many = Array.from({ length: 150 }, (_, i) => i * 7 + 1);
    // 128 bits would be mostly set by 150 names; the sized set leaves most bits clear
    const big = sizedBits(many, NAME_BITS, MAX_NAME_BITS);
    expect(big.length * 32).toBe(1024);
    expect(missingFrom(specificBits([2, 4, 10], 1024), big).missing).toBe(3);
  });
  it('compares sets of two sizes at the smaller size', () => {
    const large = specificBits([1, 2, 3, 200], 512);
    expect(missingFrom(specificBits([1, 2], 128), large)).toEqual({ total: 2, missing: 0 });
    expect(missingFrom(specificBits([1, 5], 128), large)).toEqual({ total: 2, missing: 1 });
  });
});

describe('story record codec', () => {
  it('round-trips copies, sketches, numbers and attribution', () => {
    const copy: StoredCopy = {
      articleId: 'a-ü',
      source: 'Укрінформ',
      publishedAt: 1_700_000_000,
      matchedBy: 'near',
      similarity: 0.92,
      size: 321,
      sketch: Uint32Array.from([1, 2, 16_000_000]),
      numbers: specificBits([7, 65535]),
      names: specificBits([1, 40000], NAME_BITS),
      attribution: ['UNN', 'The Washington Post'],
    };
    const back = decodeStoryRecord(encodeStoryRecord({ mergedFrom: ['00112233445566ff'], copies: [copy] }));
    expect(back.mergedFrom).toEqual(['00112233445566ff']);
    expect(back.copies[0]).toEqual({ ...copy, similarity: 0.92 });
    const bare = {
      ...copy,
      sketch: new Uint32Array(0),
      numbers: new Uint32Array(0),
      names: new Uint32Array(0),
    };
    expect(decodeStoryRecord(encodeStoryRecord({ mergedFrom: [], copies: [bare] })).copies[0]).toEqual({
      ...bare,
      similarity: 0.92,
    });
    const long = { ...copy, numbers: specificBits([7], 256), names: specificBits([1, 2, 3], 1024) };
    expect(decodeStoryRecord(encodeStoryRecord({ mergedFrom: [], copies: [long] })).copies[0]).toEqual({
      ...long,
      similarity: 0.92,
    });
  });
});
