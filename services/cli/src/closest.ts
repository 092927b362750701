import { closest, distance } from 'fastest-levenshtein';

/**
 * "; did you mean X?" when one of `known` is within a few edits of `name` (about a third of its length),
 * else "". For names commander does not see: services of `run`, sources of `crawl`.
 */
export function didYouMean(name: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const best = closest(name, [...known]);
  return distance(name, best) <= Math.max(2, Math.ceil(name.length / 3)) ? `; did you mean ${best}?` : '';
}
