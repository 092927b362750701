import type { Attribution } from './types.js';

/** Words that make a capitalised name an outlet rather than a person or an office. */
const OUTLET_WORD =
  /\b(?:post|times|news|agency|press|journal|herald|tribune|guardian|telegraph|gazette|daily|weekly|wire|media|radio|tv|television|channel|magazine|review|observer|chronicle|independent|express|mirror|standard|reuters|bloomberg|associated|xinhua|interfax|pravda|izvestia|kommersant|vedomosti|nikkei|yonhap|kyodo|dpa|efe|ansa|bbc|cnn|cnbc|nbc|abc|cbs|fox|npr|pbs|sky|al jazeera|le monde|le figaro|der spiegel|spiegel|die zeit|el país|el pais|la repubblica|corriere|haaretz|ukrinform|unian|rbc|tass|ria|afp|ap|upi|unn)\b/i;

/** A capitalised name: up to six words, with "The", "of", "&" and acronyms allowed inside. */
const NAME = String.raw`((?:The\s+)?(?:[A-Z][\p{L}\p{M}'’.-]*|[A-Z]{2,})(?:\s+(?:of|de|the|and|&|für|di|del|la|le)?\s*(?:[A-Z][\p{L}\p{M}'’.-]*|[A-Z]{2,})){0,5})`;

const PATTERNS: Array<{ re: RegExp; original: boolean }> = [
  {
    re: new RegExp(
      String.raw`\b(?:reported|first reported|originally published|published|written)\s+(?:by|in|on)\s+${NAME}`,
      'gu',
    ),
    original: true,
  },
  { re: new RegExp(String.raw`\bciting\s+${NAME}`, 'gu'), original: true },
  { re: new RegExp(String.raw`\b(?:[Aa]ccording to|via|[Ss]ources?:)\s+${NAME}`, 'gu'), original: false },
  {
    re: new RegExp(
      String.raw`${NAME}\s+(?:reported|reports|has reported|said in a report|writes|wrote)\b`,
      'gu',
    ),
    original: false,
  },
];

/** Whether a matched name looks like a news outlet: an acronym or a name with an outlet word. */
function isOutlet(name: string): boolean {
  const n = name.replace(/^The\s+/, '');
  if (/^[A-Z]{2,6}$/.test(n)) return !['I', 'US', 'UK', 'EU', 'UN', 'CEO', 'GDP', 'COVID'].includes(n);
  return OUTLET_WORD.test(n);
}

function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?])\s+(?=[A-Z"“(])/u);
}

/**
 * Finds a credit line naming the outlets a story comes from ("This is reported by The Washington
 * Post, according to UNN"). Looks at the first and last paragraphs, where republishers put credits.
 * Outlets are listed in credit order: the original source first (names after "reported by" or
 * "citing" come before the relaying outlet).
 */
export function findAttribution(paragraphs: readonly string[]): Attribution | null {
  const pool = paragraphs.length <= 6 ? paragraphs : [...paragraphs.slice(0, 3), ...paragraphs.slice(-3)];
  for (const para of pool) {
    for (const sentence of sentences(para)) {
      if (sentence.length > 400) continue;
      const found: Array<{ name: string; at: number; original: boolean }> = [];
      for (const { re, original } of PATTERNS) {
        re.lastIndex = 0;
        for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
          // "Brian Batko of the Pittsburgh Post-Gazette": the outlet is after "of".
          const raw = (m[1] ?? '').replace(/[.,;:]+$/, '').trim();
          const ofIdx = raw.search(/\s+of\s+(?:the\s+)?/);
          const name =
            ofIdx > 0 && isOutlet(raw.slice(ofIdx).replace(/^\s+of\s+(?:the\s+)?/, ''))
              ? raw.slice(ofIdx).replace(/^\s+of\s+(?:the\s+)?/, '')
              : raw;
          if (name.length > 0 && isOutlet(name)) found.push({ name, at: m.index, original });
        }
      }
      if (found.length === 0) continue;
      found.sort((a, b) => (a.original === b.original ? a.at - b.at : a.original ? -1 : 1));
      const outlets: string[] = [];
      for (const f of found) if (!outlets.includes(f.name)) outlets.push(f.name);
      return { text: sentence.trim(), outlets };
    }
  }
  return null;
}
