/**
 * The second benchmark's (WCXB) metric: lowercase words by `\w+`, bag-of-words (multiset)
 * precision, recall and F1 per page; an empty gold text scores 1 only when the prediction is
 * empty too. Plain means over pages. Also `with` / `without` snippet checks.
 */
import { words } from './extraction-metric.js';

export interface BagScore {
  precision: number;
  recall: number;
  f1: number;
}

function bag(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words(text.toLowerCase())) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

/** Bag-of-words precision, recall and F1 of one page. */
export function scoreBag(predicted: string, gold: string): BagScore {
  const pb = bag(predicted);
  const gb = bag(gold);
  let pn = 0;
  let gn = 0;
  let common = 0;
  for (const c of pb.values()) pn += c;
  for (const [w, c] of gb) {
    gn += c;
    common += Math.min(c, pb.get(w) ?? 0);
  }
  if (gn === 0) {
    const s = pn === 0 ? 1 : 0;
    return { precision: s, recall: s, f1: s };
  }
  if (pn === 0 || common === 0) return { precision: 0, recall: 0, f1: 0 };
  const precision = common / pn;
  const recall = common / gn;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** Lowercase words joined by single spaces, framed by spaces, for whole-word substring tests. */
export function normalizedWords(text: string): string {
  return ` ${words(text.toLowerCase()).join(' ')} `;
}

/** How many of `snippets` occur in the prediction (word-normalised); snippets without words are skipped. */
export function countSnippets(
  normalizedPrediction: string,
  snippets: readonly string[],
): { found: number; total: number } {
  let found = 0;
  let total = 0;
  for (const s of snippets) {
    const n = normalizedWords(s);
    if (n.trim().length === 0) continue;
    total++;
    if (normalizedPrediction.includes(n)) found++;
  }
  return { found, total };
}
