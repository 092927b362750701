/** Lower-case words of a text, for comparing sentences across copies that differ in layout. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function trigrams(tokens: readonly string[]): Set<string> {
  const grams = new Set<string>();
  if (tokens.length < 3) {
    if (tokens.length > 0) grams.add(tokens.join(' '));
    return grams;
  }
  for (let i = 0; i + 3 <= tokens.length; i++) grams.add(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return grams;
}

/**
 * Whether a copy states the evidence sentence: at least `threshold` of the sentence's word trigrams
 * appear in the copy, so light edits and re-wrapping still count while a truncated copy that lost the
 * sentence does not.
 */
export function mentionsSentence(copyText: string, sentence: string, threshold = 0.8): boolean {
  const needle = trigrams(words(sentence));
  if (needle.size === 0) return false;
  const hay = trigrams(words(copyText));
  let hits = 0;
  for (const gram of needle) if (hay.has(gram)) hits += 1;
  return hits / needle.size >= threshold;
}
