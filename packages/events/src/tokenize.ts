/** A word or punctuation mark with its character offsets in the text it came from. */
export interface Token {
  text: string;
  /** Lower-cased, curly apostrophes straightened. */
  norm: string;
  start: number;
  end: number;
}

// Order matters: abbreviations with inner dots ("U.S."), negation clitics, possessives,
// words (with inner hyphens or apostrophes as in "N'Djamena"), numbers, then any other mark.
const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|\p{L}+(?=n['’]t\b)|n['’]t\b|['’]s\b|\p{L}[\p{L}\p{M}]*(?:(?:-|['’](?!s\b))[\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,:/-]\p{N}+)*(?:st|nd|rd|th)?|\S/gu;

export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const start = offset + (match.index ?? 0);
    tokens.push({
      text: match[0],
      norm: normalizeWord(match[0]),
      start,
      end: start + match[0].length,
    });
  }
  return tokens;
}
