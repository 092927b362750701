import { describe, expect, it } from 'vitest';
import { normalizeText, splitParagraphs, splitSentences, tokenize } from './normalize.js';

describe('normalizeText', () => {
  it('ignores case, whitespace, punctuation and layout', () => {
    const a = 'Oil prices "recovered" in Asian trade on Tuesday,\nafter falling in New York.';
    const b = 'OIL PRICES RECOVERED  in Asian trade on Tuesday after falling in New York!!';
    expect(normalizeText(a)).toBe(normalizeText(b));
    expect(normalizeText(a)).toBe('oil prices recovered in asian trade on tuesday after falling in new york');
  });
  it('keeps numbers and non-Latin letters as tokens', () => {
    expect(tokenize('Київ: 7-6 (7-4), $42.12')).toEqual(['київ', '7', '6', '7', '4', '42', '12']);
  });
  it('splits paragraphs on blank lines and sentences after end marks', () => {
    expect(splitParagraphs('a\nb\n\n\nc')).toEqual(['a b', 'c']);
    expect(splitSentences('He left. This is reported by X, according to Y.')).toEqual([
      'He left.',
      'This is reported by X, according to Y.',
    ]);
  });
});
