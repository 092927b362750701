import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences.js';

describe('splitSentences', () => {
  it('keeps abbreviations and initialisms inside the sentence', () => {
    const text = 'Gen. Smith met U.S. officials on Jan. 5 in Washington. The talks ended.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Gen. Smith met U.S. officials on Jan. 5 in Washington.',
      'The talks ended.',
    ]);
  });

  it('ends a sentence after an initialism when a new sentence starts', () => {
    const text = 'Tensions rose between China and the U.S. The ministry said nothing.';
    expect(splitSentences(text)).toHaveLength(2);
  });

  it('keeps a closing quote with its sentence and splits inside a quotation', () => {
    const text = '"Russia remains a key pillar. On Sunday, a plane arrived," the paper notes. Next one.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      '"Russia remains a key pillar.',
      'On Sunday, a plane arrived," the paper notes.',
      'Next one.',
    ]);
  });

  it('treats line breaks (headlines, datelines) as boundaries', () => {
    const text = 'Venezuela seeks help\n\nCARACAS (Reuters) - Venezuela asked Russia for help.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Venezuela seeks help',
      'CARACAS (Reuters) - Venezuela asked Russia for help.',
    ]);
  });

  it('returns offsets that point at each sentence in the text', () => {
    const text = '  First one here.   Second one, by Mr. Lee!  ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(text)).toHaveLength(2);
  });
});
