import { describe, expect, it } from 'vitest';
import type { StoredCopy } from './story-record.js';
import { toStoryState } from './story-state.js';

const copy = (over: Partial<StoredCopy>): StoredCopy => ({
  articleId: 'x',
  source: 'S',
  publishedAt: null,
  matchedBy: 'near',
  similarity: 0.9,
  size: 100,
  sketch: new Uint32Array(0),
  numbers: new Uint32Array(0),
  names: new Uint32Array(0),
  attribution: [],
  ...over,
});

describe('toStoryState', () => {
  it('names the credited outlet as original and keeps the chain, citing outlet first', () => {
    const s = toStoryState('00000000000000aa', {
      mergedFrom: [],
      copies: [
        copy({ articleId: 'u1', source: 'UNN', attribution: ['UNN', 'The Washington Post'], size: 300 }),
        copy({ articleId: 'd1', source: 'Daily', attribution: ['UNN', 'The Washington Post'], size: 100 }),
        copy({ articleId: 'w1', source: 'The Washington Post', size: 200, publishedAt: 100 }),
      ],
    });
    expect(s.original).toEqual({ source: 'The Washington Post', basis: 'attribution', articleId: 'w1' });
    expect(s.attributionChain).toEqual(['Daily', 'UNN', 'The Washington Post']);
    expect(s.bestCopyId).toBe('u1');
  });

  it('falls back to the earliest published copy, undated copies last', () => {
    const s = toStoryState('00000000000000aa', {
      mergedFrom: ['00000000000000bb'],
      copies: [
        copy({ articleId: 'late', publishedAt: 2000, source: 'B' }),
        copy({ articleId: 'nodate', publishedAt: null, source: 'C', size: 900 }),
        copy({ articleId: 'early', publishedAt: 1000, source: 'A' }),
      ],
    });
    expect(s.original).toEqual({ source: 'A', basis: 'earliest', articleId: 'early' });
    expect(s.copies.find((c) => c.articleId === 'early')?.publishedAt).toBe('1970-01-01T00:16:40.000Z');
    expect(s.mergedFrom).toEqual(['00000000000000bb']);
    expect(s.bestCopyId).toBe('nodate');
  });

  it('does not depend on the order of copies', () => {
    const copies = [
      copy({ articleId: 'a', size: 10 }),
      copy({ articleId: 'b', size: 30, attribution: ['X', 'Y'] }),
      copy({ articleId: 'c', size: 20 }),
    ];
    const a = toStoryState('00000000000000aa', { mergedFrom: [], copies });
    const b = toStoryState('00000000000000aa', { mergedFrom: [], copies: [...copies].reverse() });
    expect({ ...a, copies: [] }).toEqual({ ...b, copies: [] });
  });
});
