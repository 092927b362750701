import { isCreditSentence, parseAttributionSentence, type Attribution } from './attribution.js';
import { hashToken } from './hash.js';
import { splitParagraphs, splitSentences, tokenize } from './normalize.js';

const PROMO_LEAD = String.raw`(?:read\s+also|read\s+more|also\s+read|see\s+also|related(?:\s+(?:coverage|stories|articles|reading|content|news))?|more\s+coverage|recommended|more\s+on\s+this(?:\s+story)?|watch|listen|don[’']?t\s+miss)\s*`;
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

/**
 * "WASHINGTON (Agency) - ", "BERLIN, March 3 (Agency) -", "Paris, 12 May —", "LONDON --", "Reuters - " or
 * "PA Media - " at the very start of a text.
 */
const DATELINE =
  /^(?:\p{Lu}[\p{Lu} .'-]{1,30}|\p{Lu}[\p{L}-]{1,20}(?:\s\p{Lu}[\p{L}-]{0,20}){0,2})(?:,\s*[\p{L}\p{N}. ]{1,24}?)?(?:\s*\([^)]{1,40}\))?\s+(?:--?|[–—])\s+(?=\S)/u;

/**
 * Sentences a republisher puts around a story, looked for in its first and last sentences only: a
 * republication notice ("first appeared in X", "republished with permission"), a line sending the reader to
 * the original ("Read the full story at X", "This is an excerpt"), a trailing credit ("Source: X",
 * "Reporting by ...; Editing by ..."), and site furniture (cookies, newsletters, comment policy).
 */
const NOTICE =
  /\b(?:originally|first)\s+(?:published|appeared|ran|posted)\b|\brepublished\b|\breproduced\b.{0,60}\b(?:permission|partnership|licen[cs]e|agreement)|\bcontent\s+(?:partnership|sharing)\b|\bcreative\s+commons\b/iu;
const SEND =
  /^(?:read|continue\s+reading|keep\s+reading|see|view)\b.{0,60}\b(?:at|on|from|in|via)\b|\b(?:full|whole|complete|original)\s+(?:story|article|report|text|version|piece)\b|^this\s+is\s+an?\s+(?:excerpt|extract|abridged|shortened|summary)|^(?:more|read\s+more)\s*(?:at|on|from|:)/iu;
const TRAILING_CREDIT =
  /^(?:source|sources|via|credit|courtesy(?:\s+of)?)\s*[:|–—-]|^\(?(?:reporting|writing|additional\s+reporting|compiled)\s+by\b|\bediting\s+by\b|^(?:this|the)\s+(?:story|article|report|piece)\s+(?:was|is)\s+(?:provided|supplied|produced|written|distributed)\s+by\b|^[–—-]{1,2}\s*\p{Lu}[\p{L}\p{N}.&'’ ]{1,40}$/iu;
const SITE =
  /\b(?:use|uses|using|accept|allow)\s+(?:our\s+use\s+of\s+|the\s+use\s+of\s+)?cookies\b|\bcookie\s+(?:policy|settings|preferences|notice)\b|\b(?:sign\s+up|subscribe|register)\b.{0,60}\bnewsletter|\bour\s+(?:free\s+)?(?:[\p{L}-]+\s+)?newsletter|\bnewsletter\b.{0,60}\b(?:inbox|delivered)\b|\bcomments?\s+policy\b|\bcomments?\s+(?:are|is|will\s+be)\s+(?:moderated|closed|reviewed)\b|\bcommunity\s+(?:guidelines|standards|rules)\b|\bprivacy\s+(?:policy|settings)\b|\bterms\s+of\s+(?:use|service)\b|\bkeep\s+(?:the\s+)?(?:discussion|comments?)\s+(?:civil|respectful|on\s+topic)\b|\bmanage\s+your\s+(?:preferences|consent)\b/iu;
/** How many sentences at each end of a text are looked at for a republisher's furniture. */
const EDGE_SENTENCES = 5;
const EDGE_MAX_WORDS = 40;

/** The outlet a republication notice or a sending line names ("... first appeared in The Outlet."). */
const NAMED_OUTLET =
  /\b(?:by|in|on|from|at|via)\s+((?:[Tt]he\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})/u;

function isEdgeFurniture(sentence: string): boolean {
  if (sentence.split(/\s+/).length > EDGE_MAX_WORDS) return false;
  return (
    NOTICE.test(sentence) || SEND.test(sentence) || TRAILING_CREDIT.test(sentence) || SITE.test(sentence)
  );
}

/** Identity of a sentence for boilerplate statistics: case, punctuation and spacing do not count. */
export function sentenceKey(sentence: string): number {
  return hashToken(tokenize(sentence).join(' '));
}

/**
 * Keys of the sentences at both ends of a text, where an outlet puts its page furniture: counted per outlet
 * across its articles (see `createDedupIndex`), a sentence that recurs in unrelated stories of one outlet is
 * that outlet's boilerplate. Sentences of fewer than three words are left out.
 */
export function edgeSentenceKeys(text: string): number[] {
  const sentences = splitParagraphs(text).flatMap((p) => splitSentences(p));
  const edge =
    sentences.length <= 2 * EDGE_SENTENCES
      ? sentences
      : [...sentences.slice(0, EDGE_SENTENCES), ...sentences.slice(-EDGE_SENTENCES)];
  const keys = edge.filter((s) => tokenize(s).length >= 3).map(sentenceKey);
  return [...new Set(keys)];
}

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
export function stripAttributionAndBoilerplate(
  text: string,
  outletBoilerplate: ReadonlySet<number> = new Set(),
): StrippedText {
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
      } else if (outletBoilerplate.size > 0 && outletBoilerplate.has(sentenceKey(s))) {
        removed.push(s);
      } else {
        keptSentences.push(s);
      }
    }
    if (keptSentences.length > 0) kept.push(keptSentences.join(' '));
  }
  const body = stripEdges(kept, removed, (a) => (attribution ??= a)).join('\n\n');
  return { body, attribution, removed };
}

/**
 * Drops a republisher's furniture from the first and last sentences of the kept paragraphs (see
 * `isEdgeFurniture`); an outlet named by a republication notice or a sending line is its attribution.
 */
function stripEdges(paragraphs: string[], removed: string[], credit: (a: Attribution) => void): string[] {
  const split = paragraphs.map((p) => splitSentences(p));
  const total = split.reduce((n, s) => n + s.length, 0);
  let at = 0;
  const out: string[] = [];
  for (const sentences of split) {
    const keep: string[] = [];
    for (const s of sentences) {
      const edge = at < EDGE_SENTENCES || at >= total - EDGE_SENTENCES;
      at++;
      if (edge && total > 1 && isEdgeFurniture(s)) {
        removed.push(s);
        if (NOTICE.test(s) || SEND.test(s) || TRAILING_CREDIT.test(s)) {
          const named = NAMED_OUTLET.exec(s)?.[1]
            ?.replace(/^the\s+/iu, '')
            .replace(/[.:,]+$/u, '');
          if (named) credit({ text: s.trim(), outlets: [named] });
        }
      } else keep.push(s);
    }
    if (keep.length > 0) out.push(keep.join(' '));
  }
  // a dateline that followed a notice or a cookie line now opens the text
  const first = out[0];
  const d = first === undefined ? null : DATELINE.exec(first);
  if (first !== undefined && d) {
    removed.push(d[0]);
    out[0] = first.slice(d[0].length);
  }
  return out;
}
