import { splitParagraphs, splitSentences } from './normalize.js';

/** Who a republished text credits: `outlets` runs from the citing outlet to the one cited (["UNN", "The Washington Post"]). */
export interface Attribution {
  text: string;
  outlets: string[];
}

/** An outlet name: up to six capitalised words (acronyms, digits, hyphens and "&" allowed), optionally led by "the". */
const OUT = String.raw`((?:[Tt]he\s+)?[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*(?:\s+(?:of\s+)?[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*){0,5})`;
const END = String.raw`\s*[.:]?$`;

interface Rule {
  re: RegExp;
  /** Capture-group order from citing outlet to cited outlet. */
  order: number[];
}

const RULES: Rule[] = [
  // "This is reported by The Washington Post, according to UNN."
  {
    re: new RegExp(
      String.raw`^(?:this|that|it|the news|this information)\s+(?:is|was|has been)\s+reported\s+by\s+${OUT},?\s+(?:according\s+to|citing|as\s+cited\s+by|with\s+reference\s+to|via)\s+${OUT}${END}`,
      'iu',
    ),
    order: [2, 1],
  },
  // "BBC News reports this, UNN writes."
  {
    re: new RegExp(
      String.raw`^${OUT}\s+(?:reports?|reported|wrote|writes)(?:\s+(?:this|it|that))?,\s*${OUT}\s+(?:writes|reports|says|notes)${END}`,
      'u',
    ),
    order: [2, 1],
  },
  // "According to the BBC, as cited by AP:"
  {
    re: new RegExp(
      String.raw`^according\s+to\s+${OUT},?\s+as\s+(?:cited|quoted|reported|relayed)\s+by\s+${OUT}${END}`,
      'iu',
    ),
    order: [2, 1],
  },
  // "UNN reports, citing The Washington Post."
  {
    re: new RegExp(String.raw`^${OUT}\s+(?:reports|reported|writes|wrote),?\s+citing\s+${OUT}${END}`, 'u'),
    order: [1, 2],
  },
  // "Reported by BBC News." / "Originally published by X." / "Read the full story at X." / "Full article: X." / "Source: X"
  {
    re: new RegExp(
      String.raw`^(?:(?:as\s+)?(?:first\s+|originally\s+)?(?:reported|published|written)\s+by|read\s+the\s+full\s+(?:story|article)\s+(?:at|on)|full\s+(?:story|article)(?:\s+at)?:?|source:|via)\s+${OUT}${END}`,
      'iu',
    ),
    order: [1],
  },
];

/** "– the publication writes." and the like: credit lines that name nobody. */
const ANONYMOUS_CREDIT =
  /^[–—-]?\s*(?:the|this)\s+(?:publication|newspaper|outlet|agency|media\s+outlet|website|portal|paper|broadcaster)\s+(?:writes|notes|reports|says|adds|wrote|noted|reported)\s*\.?$/iu;

function cleanOutlet(name: string): string {
  return name
    .replace(/^the\s+/u, '')
    .replace(/[.:,]+$/u, '')
    .trim();
}

/** Parse one sentence as an attribution line; null if it is not one. */
export function parseAttributionSentence(sentence: string): Attribution | null {
  const s = sentence.trim();
  if (s.length > 160) return null;
  for (const rule of RULES) {
    const m = rule.re.exec(s);
    if (!m) continue;
    const outlets = rule.order.map((i) => cleanOutlet(m[i] ?? '')).filter((o) => o.length > 0);
    if (outlets.length === rule.order.length) return { text: s, outlets };
  }
  return null;
}

/** True for a sentence that only credits another outlet, named or not. */
export function isCreditSentence(sentence: string): boolean {
  return parseAttributionSentence(sentence) !== null || ANONYMOUS_CREDIT.test(sentence.trim());
}

/** Find the first attribution line in a text (leads, trailing credit lines), null if none. */
export function parseAttribution(text: string): Attribution | null {
  for (const p of splitParagraphs(text)) {
    for (const s of splitSentences(p)) {
      const a = parseAttributionSentence(s);
      if (a) return a;
    }
  }
  return null;
}

/** Outlet names compared loosely: case, a leading "the", punctuation; "BBC" equals "BBC News" (word prefix). */
export function sameOutlet(a: string, b: string): boolean {
  const norm = (x: string): string[] =>
    x
      .toLowerCase()
      .replace(/^the\s+/, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0);
  const x = norm(a);
  const y = norm(b);
  if (x.length === 0 || y.length === 0) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.every((w, i) => long[i] === w);
}
