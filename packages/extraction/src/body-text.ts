import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS, type PageModel } from './page-model.js';

/** Body text chosen from the page, with the element it was taken from. */
export interface BodyText {
  paragraphs: string[];
  /** Index (in the page model) of the element holding the article. */
  container: number;
  /** Share of the container's text inside links. */
  linkDensity: number;
}

const MIN_BLOCK_CHARS = 25;

/** Prior by tag: containers of prose score up, list and heading wrappers down. */
function tagPrior(name: string): number {
  switch (name) {
    case 'article':
      return 10;
    case 'div':
    case 'main':
    case 'section':
      return 3;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 2;
    case 'ol':
    case 'ul':
    case 'dl':
    case 'li':
    case 'form':
    case 'table':
    case 'tbody':
      return -3;
    case 'body':
    case 'html':
      return -5;
    default:
      return 0;
  }
}

/** Scores elements by the prose they hold, readability-style, in one pass over the blocks. */
function scoreCandidates(m: PageModel): Float64Array {
  const n = m.els.length;
  const score = new Float64Array(n);
  const touched = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (m.skipped[i] === 1) continue;
    const bt = m.blockText[i] as number;
    if (bt < MIN_BLOCK_CHARS) continue;
    if ((m.blockLink[i] as number) > bt * 0.5) continue;
    const s = 1 + Math.min(m.blockCommas[i] as number, 10) + Math.min(Math.floor(bt / 100), 3);
    let a = m.parent[i] as number;
    for (let level = 0; a >= 0 && level < 3; level++) {
      score[a] = (score[a] as number) + s / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      touched[a] = 1;
      a = m.parent[a] as number;
    }
  }
  for (let i = 0; i < n; i++) {
    if (touched[i] !== 1) continue;
    const el = m.els[i] as Element;
    const tl = m.textLen[i] as number;
    const ld = tl > 0 ? (m.linkLen[i] as number) / tl : 0;
    let s = (score[i] as number) + tagPrior(el.name) + 8 * (m.classWeight[i] as number);
    if (el.attribs['itemprop'] === 'articleBody') s += 15;
    score[i] = s * (1 - ld);
  }
  return score;
}

function linkDensity(m: PageModel, i: number): number {
  const t = m.textLen[i] as number;
  return t > 0 ? (m.linkLen[i] as number) / t : 0;
}

/** Text of long, link-poor paragraphs in each subtree: the prose a reader came for. */
function proseText(m: PageModel): Int32Array {
  const n = m.els.length;
  const good = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (m.skipped[i] === 1) continue;
    const bt = m.blockText[i] as number;
    if (bt >= 80 && (m.blockLink[i] as number) < bt * 0.3) good[i] = (good[i] as number) + bt;
    const pi = m.parent[i] as number;
    if (pi >= 0) good[pi] = (good[pi] as number) + (good[i] as number);
  }
  return good;
}

/**
 * Moves from the best-scored element up to ancestors while what they add is mostly prose:
 * articles split into several sections or wrappers are taken whole, but not the page around them.
 */
function climb(m: PageModel, start: number, good: Int32Array): number {
  let cur = start;
  for (;;) {
    const curEl = m.els[cur] as Element;
    // An <article> or articleBody is the article's own boundary: beyond it lie teasers and comments.
    if (curEl.name === 'article' || curEl.attribs['itemprop'] === 'articleBody') return cur;
    const p = m.parent[cur] as number;
    if (p < 0) return cur;
    const pEl = m.els[p] as Element;
    if (pEl.name === 'body' || pEl.name === 'html') return cur;
    const addedGood = (good[p] as number) - (good[cur] as number);
    const addedOther = (m.textLen[p] as number) - (m.textLen[cur] as number) - addedGood;
    if (addedGood > 0 && addedOther > addedGood * 0.25) return cur;
    // A lede or a boilerplate "about" paragraph is not worth widening the container for.
    if (addedGood > 0 && addedGood < (good[cur] as number) * 0.5) return cur;
    if (addedGood === 0 && addedOther > 0) return cur;
    cur = p;
  }
}

/** Widen when the container holds less than this share of the page's prose... */
const WIDEN_BELOW = 0.7;
/** ...to the closest ancestor holding at least this share... */
const WIDEN_TO = 0.7;
/** ...unless that ancestor's text is this much or more inside links. */
const WIDEN_MAX_LINK_DENSITY = 0.5;

/**
 * When the chosen container holds only a small part of the page's prose (an article split into
 * many cards or sections, each scored on its own), moves up to the closest ancestor that holds
 * most of it, unless that ancestor is the whole page or mostly links.
 */
function widen(m: PageModel, top: number, good: Int32Array): number {
  let total = 0;
  for (let i = 0; i < good.length; i++) if ((m.parent[i] as number) < 0) total += good[i] as number;
  if (total === 0 || (good[top] as number) >= total * WIDEN_BELOW) return top;
  let a = top;
  while (a >= 0 && (good[a] as number) < total * WIDEN_TO) a = m.parent[a] as number;
  if (a < 0) return top;
  const name = (m.els[a] as Element).name;
  if (name === 'body' || name === 'html') return top;
  return linkDensity(m, a) < WIDEN_MAX_LINK_DENSITY ? a : top;
}

/** Chooses the container of the article and the siblings that continue it. */
function chooseRoots(m: PageModel, score: Float64Array): { top: number; roots: number[] } | null {
  let top = -1;
  let best = 0;
  for (let i = 0; i < score.length; i++) {
    const s = score[i] as number;
    if (s > best && m.skipped[i] !== 1) {
      best = s;
      top = i;
    }
  }
  if (top < 0) {
    // No paragraph long enough to score (a bare text, a short note): take the body as it is.
    const body = m.els.findIndex((el) => el.name === 'body');
    if (body < 0 || (m.textLen[body] as number) === 0) return null;
    return { top: body, roots: [body] };
  }
  const good = proseText(m);
  top = climb(m, top, good);
  top = widen(m, top, good);
  best = Math.max(best, score[top] as number);
  const topEl = m.els[top] as Element;
  const parentEl = topEl.parent;
  if (parentEl === null || parentEl.type !== 'tag') return { top, roots: [top] };
  const threshold = Math.max(10, best * 0.2);
  const roots: number[] = [];
  for (const c of parentEl.children) {
    if (c.type !== 'tag') continue;
    const ci = m.indexOf(c);
    if (ci === undefined) continue;
    if (ci === top) {
      roots.push(ci);
      continue;
    }
    if (m.skipped[ci] === 1) continue;
    if ((score[ci] as number) >= threshold) {
      roots.push(ci);
      continue;
    }
    const bt = m.blockText[ci] as number;
    if (c.name === 'p' || BLOCK_TAGS.has(c.name)) {
      const ld = linkDensity(m, ci);
      if (bt >= 80 && ld < 0.25) roots.push(ci);
      else if (c.name === 'p' && bt > 0 && ld === 0 && /[.!?…"”»]\s*$/.test(textOf(c))) roots.push(ci);
    }
  }
  return { top, roots };
}

/** Plain text of a small subtree (iterative). */
export function textOf(node: AnyNode): string {
  let out = '';
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const cur = stack.pop() as AnyNode;
    if (cur.type === 'text') out += cur.data;
    else if (cur.type === 'tag') {
      if (cur.name === 'br') out += '\n';
      for (let i = cur.children.length - 1; i >= 0; i--) {
        const c = cur.children[i];
        if (c !== undefined) stack.push(c);
      }
    }
  }
  return out;
}

const AD_LABEL =
  /^(?:advert|advertisement|advertising|ad|ads|sponsored|anzeige|publicidad|publicidade|publicité|pubblicità|реклама)$/i;
const META_LINE = /^(?:updated|posted|published|last updated|modified|first published)\b[^.!?]{0,60}$/i;

const BOX_HEADING =
  /^(?:related|related (?:news|articles|stories|posts|content|coverage|topics)|read more|more stories|share(?: this(?: article| story)?)?|comments?|leave a (?:comment|reply)|advertisement|recommended(?: for you)?|you (?:may|might) also like)$/i;
// WordPress-style shortcodes left unrendered: "[button link=...]Send[/button]".
const SHORTCODE = /^\[[a-z_][\w-]*(?:\s[^\]]*)?\].*\[\/[a-z_][\w-]*\]$/i;

/** Short lines that label ads, head link boxes, repeat the dates, or credit photos. */
function isBoilerplateLine(p: string): boolean {
  if (p.length > 200) return false;
  if (p.includes('©')) return true;
  if (SHORTCODE.test(p)) return true;
  if (p.length > 80) return false;
  const t = p.replace(/[:.\s]+$/, '');
  return AD_LABEL.test(t) || META_LINE.test(t) || BOX_HEADING.test(t);
}

const WS = /[\s\u00a0\u200b]+/g;

/** Collapses whitespace of one paragraph, keeping single line breaks from <br>. */
function cleanParagraph(raw: string): string {
  const lines = raw.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const l = line.replace(WS, ' ').trim();
    if (l.length > 0) out.push(l);
  }
  return out.join('\n');
}

/** Renders the text of the chosen roots as paragraphs, leaving out boilerplate blocks. */
function renderRoots(m: PageModel, roots: number[], keepLinks = false): string[] {
  const paragraphs: string[] = [];
  let buf = '';
  // Block whose text is in `buf`: decides whether the paragraph is mostly links.
  const blockStack: number[] = [];
  const flush = (): void => {
    if (buf.length === 0) return;
    const b = blockStack[blockStack.length - 1];
    let keep = true;
    if (b !== undefined) {
      const bt = m.blockText[b] as number;
      const bl = m.blockLink[b] as number;
      // Mostly links and no sentence of its own: a related link or a menu, not prose.
      if (!keepLinks && bt > 0 && ((bl > bt * 0.6 && bt - bl < 40) || bl > bt * 0.9)) keep = false;
    }
    if (keep) {
      // <br><br> separates paragraphs.
      for (const part of buf.split(/\n\s*\n/)) {
        const p = cleanParagraph(part);
        if (p.length > 0 && !isBoilerplateLine(p)) paragraphs.push(p);
      }
    }
    buf = '';
  };
  // Stack entries: a node to enter, or a negative number = -(index+1) of a block to leave.
  type Entry = AnyNode | number;
  for (const r of roots) {
    const stack: Entry[] = [m.els[r] as Element];
    while (stack.length > 0) {
      const cur = stack.pop() as Entry;
      if (typeof cur === 'number') {
        flush();
        blockStack.pop();
        continue;
      }
      if (cur.type === 'text') {
        buf += cur.data;
        continue;
      }
      if (cur.type !== 'tag') continue;
      if (cur.name === 'br') {
        buf += '\n';
        continue;
      }
      const idx = m.indexOf(cur);
      if (idx === undefined || m.skipped[idx] === 1) continue;
      if ((m.textLen[idx] as number) === 0) continue;
      // Short table cells are words of their row ("1 Kyle Busch 5040"), not paragraphs.
      if ((cur.name === 'td' || cur.name === 'th') && (m.textLen[idx] as number) < 200) {
        buf += ' ';
      } else if (BLOCK_TAGS.has(cur.name)) {
        flush();
        blockStack.push(idx);
        stack.push(idx);
      }
      const ch = cur.children;
      for (let i = ch.length - 1; i >= 0; i--) {
        const c = ch[i];
        if (c !== undefined) stack.push(c);
      }
    }
    flush();
  }
  return paragraphs;
}

const TRAILER =
  /^(?:you (?:may|might) also like|related(?: articles| stories| posts| news)?|read more|more from|more on this|recommended|see also|also read|read also|trending|most popular|popular now|share this|tags?|comments?|leave a (?:comment|reply)|tell us what you think|what do you think)\b/i;

/** Drops short "read more" style lines left at the end of the text. */
function trimTrailing(paragraphs: string[]): string[] {
  let end = paragraphs.length;
  while (end > 0) {
    const p = paragraphs[end - 1] as string;
    if (p.length > 60) break;
    if (!TRAILER.test(p) && !/(?:\.\.\.|…|:)$/.test(p)) break;
    end--;
  }
  return end === paragraphs.length ? paragraphs : paragraphs.slice(0, end);
}

/** Finds the article body; null when the page holds no prose. */
/** Fewer words than this in the prose found, and the page's main landmark is read instead. */
const SHORT_BODY_WORDS = 150;

function wordsIn(paragraphs: readonly string[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.split(/\s+/).length;
  return n;
}

/**
 * The page's main landmark (<main> or role="main") when it holds much more text than `container`,
 * or lies inside it (no block scored, and the whole body was taken):
 * pages that are not articles (listings, product pages, threads) keep their content there, in
 * short blocks and links that the prose scoring passes over.
 */
function mainLandmark(m: PageModel, container: number): number | null {
  for (let i = 0; i < m.els.length; i++) {
    const el = m.els[i] as Element;
    if (el.name !== 'main' && el.attribs['role'] !== 'main') continue;
    if (m.skipped[i] === 1) continue;
    let inside = false;
    for (let a = m.parent[i] as number; a >= 0 && !inside; a = m.parent[a] as number)
      inside = a === container;
    return inside || (m.textLen[i] as number) > (m.textLen[container] as number) * 2 ? i : null;
  }
  return null;
}

export function extractBodyText(m: PageModel): BodyText | null {
  const score = scoreCandidates(m);
  const chosen = chooseRoots(m, score);
  if (chosen === null) return null;
  const paragraphs = trimTrailing(renderRoots(m, chosen.roots));
  if (wordsIn(paragraphs) < SHORT_BODY_WORDS) {
    const main = mainLandmark(m, chosen.top);
    if (main !== null) {
      const all = trimTrailing(renderRoots(m, [main], true));
      if (wordsIn(all) > wordsIn(paragraphs))
        return { paragraphs: all, container: main, linkDensity: linkDensity(m, main) };
    }
  }
  return { paragraphs, container: chosen.top, linkDensity: linkDensity(m, chosen.top) };
}
