/**
 * Text normalization for duplicate detection: what a republisher changes (case, whitespace,
 * punctuation, layout) must not change the normalized form.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased word tokens (letters and digits), punctuation and whitespace dropped. */
export function tokenize(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/['’`]/g, '').match(WORD) ?? [];
}

/** The normalized form: tokens joined by single spaces. Equal for texts that differ only in case, spacing, punctuation or layout. */
export function normalizeText(text: string): string {
  return tokenize(text).join(' ');
}

/** Split into paragraphs on blank lines; single line breaks are layout, not structure. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** Sentences of a paragraph (a simple split after . ! ? or : followed by a space and a capital, digit or quote). */
export function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?:])\s+(?=["“'‘(\p{Lu}\p{N}–—-])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
