/** A sentence of a text with its character offsets (end exclusive). */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'cpl',
  'gov',
  'sen',
  'rep',
  'pres',
  'rev',
  'hon',
  'st',
  'jr',
  'sr',
  'mt',
  'ft',
  'no',
  'nos',
  'vs',
  'etc',
  'inc',
  'corp',
  'co',
  'ltd',
  'dept',
  'est',
  'approx',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'fig',
  'al',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
]);

// After an initialism such as "U.S." a new sentence is assumed only before these words.
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'but',
  'in',
  'on',
  'this',
  'that',
  'there',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'however',
  'meanwhile',
  'earlier',
  'later',
  'according',
]);

const CLOSERS = '"\'”’»)]';

function previousWord(text: string, dotIndex: number): string {
  let i = dotIndex - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text.charAt(i))) i--;
  return text.slice(i + 1, dotIndex);
}

function nextWord(text: string, from: number): string {
  const match = /^[\s"'“‘«(]*([\p{L}]+)/u.exec(text.slice(from, from + 40));
  return match?.[1] ?? '';
}

function isBoundary(text: string, index: number, afterCloser: number): boolean {
  const mark = text.charAt(index);
  // Must be followed by white space and then something that can start a sentence.
  const rest = text.slice(afterCloser);
  const following = /^\s+(["'“‘«(]*)(\S)/u.exec(rest);
  if (!following) return afterCloser >= text.length;
  const first = following[2] ?? '';
  if (!/[\p{Lu}\p{N}]/u.test(first) && following[1] === '') return false;
  if (mark !== '.') return true;
  const word = previousWord(text, index);
  const lower = word.toLowerCase();
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    // Initialism such as "U.S": ends the sentence only before a typical sentence opener.
    return SENTENCE_STARTERS.has(nextWord(text, afterCloser).toLowerCase());
  }
  if (ABBREVIATIONS.has(lower)) return false;
  // A single capital letter is an initial ("George W. Bush").
  if (/^\p{Lu}$/u.test(word)) return false;
  return true;
}

/**
 * Splits a text into sentences with character offsets. Survives abbreviations ("U.S.",
 * "Gen.", "Jan."), initials, quotes that close after the full stop, and treats line breaks
 * (headlines, datelines, paragraphs) as boundaries.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text.charAt(s))) s++;
    while (e > s && /\s/u.test(text.charAt(e - 1))) e--;
    if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n') {
      push(i);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < text.length && (CLOSERS.includes(text.charAt(j)) || '.!?'.includes(text.charAt(j)))) j++;
    if (isBoundary(text, i, j)) {
      push(j);
      i = j - 1;
    }
  }
  push(text.length);
  return spans;
}
