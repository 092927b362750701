import { describe, expect, it } from 'vitest';
import { computeFeatures, DEFAULT_FEATURE_PARAMS } from './features.js';
import { judgeStory } from './judge.js';
import type { StoredCopy } from './story-record.js';

const sentence = (i: number): string =>
  `Officials in city ${i} said the council approved plan ${i} after talks that lasted until late on Thursday night.`;
const full = Array.from({ length: 30 }, (_, i) => sentence(i)).join(' ');
const other = Array.from(
  { length: 30 },
  (_, i) => `A different report number ${i} describes weather across the northern region today.`,
).join(' ');

function stored(text: string): StoredCopy {
  const f = computeFeatures(text, null);
  return {
    articleId: 'x',
    source: 'S',
    publishedAt: null,
    matchedBy: 'first',
    similarity: 1,
    size: f.distinct.length,
    sketch: f.sketch,
    numbers: f.numbers,
    names: f.names,
    attribution: [],
  };
}

const ctx = (anchorHits: number) => ({
  threshold: 0.7,
  sketchSize: DEFAULT_FEATURE_PARAMS.sketchSize,
  storedAnchorPositions: DEFAULT_FEATURE_PARAMS.storedAnchorPositions,
  anchorHits,
});

describe('judgeStory', () => {
  it('confirms a long copy by its sketch containment', () => {
    const copy = computeFeatures(`According to the BBC, as cited by AP:\n\n${full}`, null);
    expect(judgeStory(copy, [stored(full)], ctx(0))?.similarity).toBeGreaterThan(0.9);
  });

  it('rejects a different text', () => {
    expect(judgeStory(computeFeatures(other, null), [stored(full)], ctx(0))).toBeNull();
  });

  it('confirms a copy truncated to its first sentences by the anchors it shares with the story', () => {
    const teaser = computeFeatures([sentence(0), sentence(1)].join(' '), null);
    const expected = DEFAULT_FEATURE_PARAMS.storedAnchorPositions.filter(
      (p) => p < teaser.queryAnchors.length,
    ).length;
    expect(expected).toBeGreaterThan(0);
    expect(judgeStory(teaser, [stored(full)], ctx(expected))).not.toBeNull();
    expect(judgeStory(teaser, [stored(full)], ctx(0))).toBeNull();
  });

  it('does not confirm a short text on anchors when a quarter or more of the expected ones are missing', () => {
    // the shape of a follow-up that repeats only the first sentence of a longer text
    const rest = [
      'A separate meeting later discussed road repairs and school meals for the winter months.',
      'Residents asked whether the library would keep its longer opening hours next year.',
      'The mayor promised an answer once the budget committee had finished its review.',
      'Several shop owners complained about parking on the market square during the holidays.',
      'A petition about the closed swimming pool gathered many signatures over the weekend.',
    ];
    const short = computeFeatures([sentence(0), ...rest].join(' '), null);
    const expected = DEFAULT_FEATURE_PARAMS.storedAnchorPositions.filter(
      (p) => p < short.queryAnchors.length,
    ).length;
    expect(expected).toBe(4);
    expect(judgeStory(short, [stored(full)], ctx(3))).toBeNull();
    expect(judgeStory(short, [stored(full)], ctx(4))).not.toBeNull();
  });
});
