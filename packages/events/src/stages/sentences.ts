import { splitSentences, type SentenceSpan } from '../split-sentences.js';
import { tokenize, type Token } from '../tokenize.js';
import type { EventCoderInput } from '../types.js';

/** Stage 1 output: one sentence of the title or the body, with its tokens. */
export interface Sentence {
  /** Which input field the sentence comes from; offsets are into that field. */
  field: 'title' | 'text';
  span: SentenceSpan;
  tokens: Token[];
  /** Written in headline style (title case) or taken from the title. */
  headline: boolean;
}

function isHeadline(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text));
  if (words.length < 4) return false;
  return words.filter((t) => /^\p{Lu}/u.test(t.text)).length / words.length > 0.7;
}

/** Stage 1: the title (when present) and the body, split into tokenized sentences, in order. */
export function splitDocument(input: EventCoderInput): Sentence[] {
  const parts: { field: 'title' | 'text'; text: string }[] = [];
  if (input.title && input.title.trim()) parts.push({ field: 'title', text: input.title });
  parts.push({ field: 'text', text: input.text });
  const out: Sentence[] = [];
  for (const part of parts) {
    for (const span of splitSentences(part.text)) {
      const tokens = tokenize(span.text, span.start);
      out.push({ field: part.field, span, tokens, headline: isHeadline(tokens) || part.field === 'title' });
    }
  }
  return out;
}
