import { isCreditSentence, parseAttributionSentence, type Attribution } from './attribution.js';
import { splitParagraphs, splitSentences } from './normalize.js';

const PROMO_LEAD = String.raw`(?:read\s+also|read\s+more|also\s+read|see\s+also|related|recommended|more\s+on\s+this(?:\s+story)?|watch|listen|don[’']?t\s+miss)\s*`;
/** Paragraphs that promote other content ("READ ALSO: ..."). */
const PROMO = new RegExp(`^${PROMO_LEAD}[:|–—-]`, 'iu');
/**
 * A promo inserted after a sentence of a paragraph ("... rivals. READ ALSO: Other headline"): it runs to
 * the paragraph's end (promo titles have no full stop). Only ":" or "|" mark it, so that words such as
 * "Related-party" inside the text are left alone.
 */
const INLINE_PROMO = new RegExp(`([.!?]["”’)]?)\\s+${PROMO_LEAD}[:|].*$`, 'isu');

/** Short paragraphs that are outlet furniture, not article text. */
const FOOTER =
  /(?:follow\s+us\b|subscribe\s+to\b|share\s+this\b|stay\s+up\s+to\s+date|all\s+rights\s+reserved|reproduction\b[^.]{0,40}?\b(?:permitted|prohibited|allowed|forbidden)|if\s+you\s+(?:notice|find|spot|see)\s+an?\s+(?:error|mistake|typo)|ctrl\s*\+\s*enter|continued\s+on\s+the\s+(?:source|original)|read\s+more\s+news|read\s+the\s+full\s+(?:story|article)|full\s+(?:article|story)\s*:|join\s+(?:us|our)\b.*\b(?:channel|telegram|facebook|whatsapp)|sign\s+up\s+for\b|download\s+our\s+app|our\s+newsletter|news\s+tips?\b|write\s+to\s+(?:us|our\s+newsroom)|^(?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*)?\d{4}))/iu;

const ALONE = /^(?:advertisement|advert|sponsored(?:\s+content)?|share|print|comments?|photo|video)\.?$/iu;

/** A paragraph introducing background to an older story: it and all that follows are dropped. */
const BACKGROUND = /^(?:recall|reminder|as\s+a\s+reminder|background|we\s+remind(?:ed)?\s+you)\s*[:.]?$/iu;

/** "WASHINGTON (Agency) - ", "Reuters - " or "PA Media - " at the very start of a text. */
const DATELINE =
  /^(?:\p{Lu}[\p{Lu} .'-]{1,30}|\p{Lu}[\p{L}-]{1,20}(?:\s\p{Lu}[\p{L}-]{0,20}){0,2})(?:\s*\([^)]{1,40}\))?\s+[-–—]\s+(?=\S)/u;

const ONLY_NUMBERS = /^[\d\s.,:/]+$/u;

/** A copyright notice run into the end of a sentence ("…further. © 2025 Outlet."). */
const COPYRIGHT_TAIL = /\s+(?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*)?\d{4})[^.,;]{0,80}\.?$/iu;

/**
 * A short paragraph of footer sentences, or of footer sentences and fragments ("Full article: BBC
 * News."): an article sentence beside them keeps the paragraph.
 */
function isFooter(paragraph: string): boolean {
  return (
    FOOTER.test(paragraph) &&
    splitSentences(paragraph).every((s) => FOOTER.test(s) || s.split(/\s+/).length <= 4)
  );
}

export interface StrippedText {
  /** The article text without credit lines, promo inserts, footers and datelines; paragraphs joined by blank lines. */
  body: string;
  /** The first attribution line found, if any. */
  attribution: Attribution | null;
  /** What was removed, for debugging. */
  removed: string[];
}

/**
 * Remove what republishers add around a story: attribution leads and credit lines ("This is reported by
 * The Washington Post, according to UNN"), promo inserts ("READ ALSO: ..."), footers (social links,
 * copyright, "Recall" background notes and what follows them), datelines and counters.
 */
export function stripAttributionAndBoilerplate(text: string): StrippedText {
  const removed: string[] = [];
  const kept: string[] = [];
  let attribution: Attribution | null = null;
  const paragraphs = splitParagraphs(text);
  for (let i = 0; i < paragraphs.length; i++) {
    let p = paragraphs[i] ?? '';
    if (BACKGROUND.test(p) && kept.length > 0) {
      removed.push(...paragraphs.slice(i));
      break;
    }
    if (p.length <= 240 && (PROMO.test(p) || ALONE.test(p) || ONLY_NUMBERS.test(p) || isFooter(p))) {
      removed.push(p);
      continue;
    }
    if (kept.length === 0) {
      const d = DATELINE.exec(p);
      if (d) {
        removed.push(d[0]);
        p = p.slice(d[0].length);
      }
    }
    const inline = INLINE_PROMO.exec(p);
    if (inline) {
      const cut = inline.index + (inline[1]?.length ?? 0);
      removed.push(p.slice(cut).trim());
      p = p.slice(0, cut);
    }
    const sentences = splitSentences(p);
    // Footer sentences run into the end of a paragraph when a page's paragraphs were joined.
    while (sentences.length > 1) {
      const last = sentences[sentences.length - 1] ?? '';
      if (last.length > 240 || !FOOTER.test(last)) break;
      removed.push(last);
      sentences.pop();
    }
    const lastSentence = sentences[sentences.length - 1] ?? '';
    const copyright = COPYRIGHT_TAIL.exec(lastSentence);
    if (copyright && copyright.index > 0) {
      removed.push(copyright[0].trim());
      sentences[sentences.length - 1] = lastSentence.slice(0, copyright.index);
    }
    const keptSentences: string[] = [];
    for (const s of sentences) {
      if (isCreditSentence(s)) {
        attribution ??= parseAttributionSentence(s);
        removed.push(s);
      } else {
        keptSentences.push(s);
      }
    }
    if (keptSentences.length > 0) kept.push(keptSentences.join(' '));
  }
  return { body: kept.join('\n\n'), attribution, removed };
}
