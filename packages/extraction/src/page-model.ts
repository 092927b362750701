import type { AnyNode, Document, Element } from 'domhandler';

/** Tags whose content is never article text. */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'head',
  'title',
  'meta',
  'link',
  'figure',
  'figcaption',
  'nav',
  'aside',
  'footer',
  'dialog',
  'menu',
  'h1',
  'label',
]);

/**
 * Landmarks that usually hold site chrome, as boilerplate weights: skipped like a class-marked
 * block, unless one holds the article (some sites put the whole story inside a <header>).
 */
const LANDMARK_WEIGHT: Record<string, number> = { header: -1 };

/** Block-level tags: they start and end a paragraph of text. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'menu',
  'address',
]);

/**
 * Words in class or id that mark boilerplate for sure: sharing, promotion, navigation, comments.
 * Matched against whole words of class and id ("share-bar" -> "share", "bar").
 */
const STRONG_NEGATIVE_WORDS = new Set(
  (
    'share sharing social related recommended recommendations newsletter subscribe subscription signup ' +
    'promo promotion cookie cookies consent gdpr comment comments disqus breadcrumb breadcrumbs sidebar ' +
    'footer nav navbar navigation menu masthead pagination pager outbrain taboola trending popular ' +
    'rollover hover popover tooltip dropdown modal popup overlay toolbar login caption gallery slideshow carousel'
  ).split(' '),
);

/**
 * Words that usually mark boilerplate but also name wrappers of broken markup (an unclosed ad
 * slot swallows the rest of the article): such an element is kept when it holds prose.
 */
const WEAK_NEGATIVE_WORDS = new Set(
  (
    'advert advertisement ad ads adslot adunit sponsor sponsored byline author authors credit ' +
    'credits tags taglist skip print rail more banner dateline timestamp meta visually sr screenreader ' +
    'contributor bio disclaimer correction feedback rating ratings read next prev teaser teasers headline ' +
    'kicker headlines icons icon'
  ).split(' '),
);

/** Words in class or id that mark the article itself. */
const POSITIVE_WORDS = new Set([
  'article',
  'articlebody',
  'body',
  'content',
  'entry',
  'main',
  'post',
  'story',
  'text',
  'blog',
  'prose',
]);

/** Words that mark embedded content (tweets, posts) quoted by the article: never boilerplate. */
const EMBED_WORDS = new Set(['embed', 'embedded', 'tweet', 'twitter-tweet', 'instagram']);

// Bits of one class or id string: which word lists it hits and which metadata hints it gives.
const HAS_EMBED = 1;
const HAS_STRONG = 2;
const HAS_WEAK = 4;
const HAS_POSITIVE = 8;
const FLAG_PAYWALL = 16;
const FLAG_SUBTITLE = 32;
const FLAG_DATE = 64;
const FLAG_BYLINE_WORD = 128;
const HINTS = FLAG_PAYWALL | FLAG_SUBTITLE | FLAG_DATE;

const SUBTITLE_CLASS =
  /(?:^|[\s_-])(?:sub-?title|sub-?headline|subhead|dek|standfirst|deck|article-summary|lede)(?:$|[\s_-])/i;
const DATE_CLASS =
  /(?:^|[\s_-])(?:date|dateline|timestamp|published|pubdate|posted-on|entry-date)(?:$|[\s_-])/i;
const PAYWALL_CLASS = /paywall|subscriber-only|subscribers-only|premium-content|regwall|piano-/i;
const BYLINE_CLASS = /byline|author/i;

function wordBits(w: string): number {
  if (EMBED_WORDS.has(w)) return HAS_EMBED;
  if (STRONG_NEGATIVE_WORDS.has(w)) return HAS_STRONG;
  if (WEAK_NEGATIVE_WORDS.has(w)) return HAS_WEAK;
  if (POSITIVE_WORDS.has(w)) return HAS_POSITIVE;
  return 0;
}

const HINT_PRECHECK =
  /paywall|subscri|premium|regwall|piano|title|headline|subhead|dek|standfirst|deck|summary|lede|date|timestamp|publish|posted|byline|author/i;

/**
 * Bits of one class or id attribute value. Words are split at non-alphanumerics and at camelCase
 * humps ("shareBar" -> "share", "bar") in one scan, without regular expressions.
 */
function attributeBits(value: string, isClass: boolean): number {
  let bits = 0;
  let start = -1;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 32;
    const isLower = c >= 97 && c <= 122;
    const isUpper = c >= 65 && c <= 90;
    const isDigit = c >= 48 && c <= 57;
    if (isLower || isUpper || isDigit) {
      if (start < 0) start = i;
      else if (isUpper) {
        const prev = value.charCodeAt(i - 1);
        if (prev >= 97 && prev <= 122) {
          bits |= wordBits(value.slice(start, i).toLowerCase());
          start = i;
        }
      }
    } else if (start >= 0) {
      bits |= wordBits(value.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  if (!HINT_PRECHECK.test(value)) return bits;
  if (BYLINE_CLASS.test(value)) bits |= FLAG_BYLINE_WORD;
  if (isClass) {
    if (PAYWALL_CLASS.test(value)) bits |= FLAG_PAYWALL;
    if (SUBTITLE_CLASS.test(value)) bits |= FLAG_SUBTITLE;
    if (DATE_CLASS.test(value)) bits |= FLAG_DATE;
  }
  return bits;
}

/** -2 boilerplate, -1 likely boilerplate, +1 article content, 0 neutral, from attribute bits. */
function weightOf(bits: number): number {
  if ((bits & HAS_EMBED) !== 0) return 0;
  const strong = (bits & HAS_STRONG) !== 0;
  const weak = (bits & HAS_WEAK) !== 0;
  const pos = (bits & HAS_POSITIVE) !== 0;
  if (strong && !pos) return -2;
  if ((weak || strong) && !pos) return -1;
  if (pos && !weak && !strong) return 1;
  return 0;
}

function isHidden(a: Record<string, string>): boolean {
  if (a['hidden'] !== undefined) return true;
  if (a['aria-hidden'] === 'true') return true;
  const style = a['style'];
  if (style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

/** Metadata gathered while walking the tree. */
export interface RawMeta {
  /** meta name/property/itemprop (lower case) -> contents, in document order. */
  metas: Map<string, string[]>;
  links: Array<{ rel: string; href: string }>;
  jsonLd: string[];
  title: string;
  htmlLang: string | null;
  times: Array<{ datetime: string; index: number }>;
  /** Elements with an itemprop attribute other than meta/link. */
  itemprops: Array<{ prop: string; index: number }>;
  h1: number[];
  /** Elements whose class or id names a byline or author. */
  bylines: number[];
  /** Elements whose class names a date or dateline. */
  dateEls: number[];
  /** Links with rel="author". */
  relAuthors: number[];
  /** Elements whose class names a subtitle (dek, standfirst, subheadline). */
  subtitles: number[];
  /** Elements whose class names a paywall or subscriber-only content. */
  paywallEls: number[];
}

/**
 * A flat, array-based view of the document: elements in document order (pre-order) with their
 * parent and per-element text statistics, computed in one walk down and one pass back up.
 */
export interface PageModel {
  els: Element[];
  parent: Int32Array;
  /** 1 when the element or an ancestor is boilerplate (never body text). */
  skipped: Uint8Array;
  /** Text length of the subtree, boilerplate excluded. */
  textLen: Int32Array;
  /** Part of textLen inside links. */
  linkLen: Int32Array;
  /** Text whose nearest block ancestor is this element. */
  blockText: Int32Array;
  blockLink: Int32Array;
  blockCommas: Int32Array;
  /** Paragraph-like descendants (p, or block with >= 80 chars own text). */
  paragraphs: Int32Array;
  /** Index of an element in `els`, or undefined for nodes outside the model. */
  indexOf(el: Element): number | undefined;
  classWeight: Int8Array;
  meta: RawMeta;
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * Non-whitespace characters (low 20 bits, capped) and commas (high bits) of a text, in one loop.
 */
function textCounts(s: string): number {
  let n = 0;
  let commas = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160) {
      n++;
      if (c === 44 || c === 0x3001 || c === 0xff0c || c === 0x060c) commas++;
    }
  }
  return Math.min(n, 0xfffff) + Math.min(commas, 0x7ff) * 0x100000;
}

function pushMeta(meta: RawMeta, key: string, value: string): void {
  const k = key.trim().toLowerCase();
  if (k.length === 0) return;
  const list = meta.metas.get(k);
  if (list === undefined) meta.metas.set(k, [value]);
  else list.push(value);
}

/** Tags whose class names say little: table parts and the article landmarks. */
const NEVER_SOFT_SKIPPED = new Set(['article', 'main', 'tr', 'td', 'th', 'tbody', 'thead']);

/** Whether an element marks the article itself: <article>, <main>, articleBody, positive class. */
function isPositive(el: Element, weight: number): boolean {
  return (
    weight > 0 || el.name === 'article' || el.name === 'main' || el.attribs['itemprop'] === 'articleBody'
  );
}

/**
 * Builds the {@link PageModel} in one iterative walk (any nesting depth is safe) plus linear
 * passes over the element arrays:
 * 1. walk: metadata, own text per element, hard skips (tags that never hold body text);
 * 2. bottom-up: subtree text without hard skips, and the largest "article-like" descendant;
 * 3. top-down: soft skips by class/id words, unless the element wraps most of an article-like
 *    descendant's text (layout wrappers named "sidebar-layout" hold the article too);
 * 4. bottom-up: final text, link and paragraph statistics.
 */
export function buildPageModel(doc: Document): PageModel {
  const els: Element[] = [];
  const parents: number[] = [];
  const hardSkip: number[] = [];
  const blockOfArr: number[] = [];
  const inLinkArr: number[] = [];
  const ownTextArr: number[] = [];
  const ownLinkArr: number[] = [];
  const ownCommasArr: number[] = [];
  const weights: number[] = [];
  const bitsCache = new Map<string, number>();
  const meta: RawMeta = {
    metas: new Map(),
    links: [],
    jsonLd: [],
    title: '',
    htmlLang: null,
    times: [],
    itemprops: [],
    h1: [],
    bylines: [],
    relAuthors: [],
    dateEls: [],
    subtitles: [],
    paywallEls: [],
  };

  // Explicit stack of elements with their parent index, pushed in reverse to keep document order.
  // Text is counted when its parent is expanded, so text nodes never enter the stack.
  const stackNodes: Element[] = [];
  const stackParent: number[] = [];
  for (let i = doc.children.length - 1; i >= 0; i--) {
    const c = doc.children[i];
    if (c !== undefined && isElement(c)) {
      stackNodes.push(c);
      stackParent.push(-1);
    }
  }
  while (stackNodes.length > 0) {
    const node = stackNodes.pop() as Element;
    const p = stackParent.pop() as number;
    const idx = els.length;
    els.push(node);
    // The tree is private to this extraction and parsed without source positions, so the unused
    // `startIndex` slot holds the element's index: cheaper than a Map from element to index.
    node.startIndex = idx;
    parents.push(p);
    const name = node.name;
    const attribs = node.attribs;
    let bits = 0;
    if (name !== 'html' && name !== 'body') {
      // Pages repeat the same class names many times; judge each value once.
      const cls = attribs['class'];
      if (cls !== undefined) {
        let b = bitsCache.get(cls);
        if (b === undefined) {
          b = attributeBits(cls, true);
          bitsCache.set(cls, b);
        }
        bits = b;
      }
      const id = attribs['id'];
      if (id !== undefined) bits |= attributeBits(id, false);
    }
    const cw = bits === 0 ? 0 : weightOf(bits);
    const lw = LANDMARK_WEIGHT[name];
    const w = lw === undefined ? cw : Math.min(cw, lw);
    weights.push(w);
    collectMeta(meta, node, idx, bits, cw);

    const skip = (p >= 0 && hardSkip[p] === 1) || DROP_TAGS.has(name) || isHidden(attribs);
    hardSkip.push(skip ? 1 : 0);
    const parentBlock = p >= 0 ? (blockOfArr[p] as number) : -1;
    blockOfArr.push(BLOCK_TAGS.has(name) ? idx : parentBlock);
    const inLink = name === 'a' || (p >= 0 && inLinkArr[p] === 1);
    inLinkArr.push(inLink ? 1 : 0);

    let text = 0;
    let commas = 0;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i] as AnyNode;
      if (c.type === 'text') {
        if (name === 'title' && meta.title.length === 0) meta.title = c.data;
        if (skip) continue;
        const counts = textCounts(c.data);
        text += counts & 0xfffff;
        commas += counts >>> 20;
      } else if (isElement(c)) {
        stackNodes.push(c);
        stackParent.push(idx);
      }
    }
    ownTextArr.push(text);
    ownLinkArr.push(inLink ? text : 0);
    ownCommasArr.push(commas);
  }

  const n = els.length;
  const parent = Int32Array.from(parents);
  const ownText = Int32Array.from(ownTextArr);
  const ownLink = Int32Array.from(ownLinkArr);
  const ownCommas = Int32Array.from(ownCommasArr);
  const blockOf = Int32Array.from(blockOfArr);

  // 2. Subtree text with hard skips only, its prose part, and the largest article-like descendant.
  const rawText = Int32Array.from(ownText);
  const rawLink = Int32Array.from(ownLink);
  const rawBlock = new Int32Array(n);
  const rawBlockLink = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const b = blockOf[i] as number;
    if (hardSkip[i] === 1 || b < 0) continue;
    rawBlock[b] = (rawBlock[b] as number) + (ownText[i] as number);
    rawBlockLink[b] = (rawBlockLink[b] as number) + (ownLink[i] as number);
  }
  const rawProse = new Int32Array(n);
  const posMax = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (hardSkip[i] === 1) continue;
    const el = els[i] as Element;
    const bt = rawBlock[i] as number;
    if (bt >= 80 && (rawBlockLink[i] as number) < bt * 0.3) rawProse[i] = (rawProse[i] as number) + bt;
    if (isPositive(el, weights[i] as number) && (rawText[i] as number) > (posMax[i] as number)) {
      posMax[i] = rawText[i] as number;
    }
    const pi = parent[i] as number;
    if (pi >= 0) {
      rawText[pi] = (rawText[pi] as number) + (rawText[i] as number);
      rawLink[pi] = (rawLink[pi] as number) + (rawLink[i] as number);
      rawProse[pi] = (rawProse[pi] as number) + (rawProse[i] as number);
      if ((posMax[i] as number) > (posMax[pi] as number)) posMax[pi] = posMax[i] as number;
    }
  }

  // 3. Soft skips, parents first (pre-order).
  const skipped = new Uint8Array(n);
  const docText = n > 0 ? (rawText[0] as number) : 0;
  for (let i = 0; i < n; i++) {
    const pi = parent[i] as number;
    if (hardSkip[i] === 1 || (pi >= 0 && skipped[pi] === 1)) {
      skipped[i] = 1;
      continue;
    }
    if ((weights[i] as number) < 0) {
      const el = els[i] as Element;
      const rt = rawText[i] as number;
      const wrapsArticle = (posMax[i] as number) >= 200 && (posMax[i] as number) * 2 >= rt;
      // A block holding most of the page's prose is the article, whatever its class says.
      const holdsProse = rt >= 500 && rt >= docText * 0.6 && (rawLink[i] as number) < rt * 0.2;
      // An ad slot or credit line holds no paragraphs; one that does swallowed the article.
      const weakWithProse =
        weights[i] === -1 && (rawProse[i] as number) >= 400 && (rawProse[i] as number) * 2 >= rt;
      const keep = wrapsArticle || holdsProse || weakWithProse || NEVER_SOFT_SKIPPED.has(el.name);
      if (!keep) skipped[i] = 1;
    }
  }

  // 4. Final statistics.
  const textLen = new Int32Array(n);
  const linkLen = new Int32Array(n);
  const blockText = new Int32Array(n);
  const blockLink = new Int32Array(n);
  const blockCommas = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (skipped[i] === 1) continue;
    const t = ownText[i] as number;
    if (t === 0) continue;
    textLen[i] = t;
    linkLen[i] = ownLink[i] as number;
    const b = blockOf[i] as number;
    if (b >= 0) {
      blockText[b] = (blockText[b] as number) + t;
      blockLink[b] = (blockLink[b] as number) + (ownLink[i] as number);
      blockCommas[b] = (blockCommas[b] as number) + (ownCommas[i] as number);
    }
  }
  const paragraphs = new Int32Array(n);
  // Children come after their parent in pre-order, so a reverse sweep is a bottom-up pass.
  for (let i = n - 1; i >= 0; i--) {
    if (skipped[i] === 1) continue;
    const el = els[i] as Element;
    const bt = blockText[i] as number;
    if (bt > 0 && (el.name === 'p' || bt >= 80)) paragraphs[i] = (paragraphs[i] as number) + 1;
    const pi = parent[i] as number;
    if (pi >= 0) {
      textLen[pi] = (textLen[pi] as number) + (textLen[i] as number);
      linkLen[pi] = (linkLen[pi] as number) + (linkLen[i] as number);
      paragraphs[pi] = (paragraphs[pi] as number) + (paragraphs[i] as number);
    }
  }
  return {
    els,
    parent,
    skipped,
    textLen,
    linkLen,
    blockText,
    blockLink,
    blockCommas,
    paragraphs,
    indexOf: (el: Element): number | undefined => {
      const i = el.startIndex;
      return i !== null && i >= 0 && i < n && els[i] === el ? i : undefined;
    },
    classWeight: Int8Array.from(weights),
    meta,
  };
}

function collectMeta(meta: RawMeta, node: Element, idx: number, bits: number, w: number): void {
  const name = node.name;
  const attribs = node.attribs;
  if (name === 'meta') {
    const content = attribs['content'];
    if (content !== undefined) {
      const key = attribs['property'] ?? attribs['name'] ?? attribs['itemprop'] ?? attribs['http-equiv'];
      if (key !== undefined) pushMeta(meta, key, content);
      // Some pages set both name and property; keep both.
      if (attribs['property'] !== undefined && attribs['name'] !== undefined)
        pushMeta(meta, attribs['name'], content);
    }
  } else if (name === 'link') {
    const rel = attribs['rel'];
    const href = attribs['href'];
    if (rel !== undefined && href !== undefined) meta.links.push({ rel: rel.toLowerCase(), href });
    const prop = attribs['itemprop'];
    if (prop !== undefined && href !== undefined) pushMeta(meta, prop, href);
  } else if (name === 'script') {
    const type = attribs['type'];
    if (type !== undefined && type.toLowerCase().includes('ld+json')) {
      let s = '';
      for (const c of node.children) if (c.type === 'text') s += c.data;
      meta.jsonLd.push(s);
    }
  } else if (name === 'html') {
    const lang = attribs['lang'] ?? attribs['xml:lang'];
    if (lang !== undefined && meta.htmlLang === null) meta.htmlLang = lang;
  } else if (name === 'time') {
    const dt = attribs['datetime'];
    if (dt !== undefined) meta.times.push({ datetime: dt, index: idx });
  } else if (name === 'h1') {
    meta.h1.push(idx);
  } else if (name === 'a') {
    const rel = attribs['rel'];
    if (rel !== undefined && /\bauthor\b/i.test(rel)) meta.relAuthors.push(idx);
  }
  const itemprop = attribs['itemprop'];
  if (itemprop !== undefined && name !== 'meta' && name !== 'link') {
    meta.itemprops.push({ prop: itemprop.toLowerCase(), index: idx });
  }
  // "comment-author" (a strong boilerplate word) is a comment, not a byline.
  if ((bits & FLAG_BYLINE_WORD) !== 0 && w >= -1 && meta.bylines.length < 50) meta.bylines.push(idx);
  if ((bits & HINTS) !== 0) {
    if ((bits & FLAG_PAYWALL) !== 0 && meta.paywallEls.length < 20) meta.paywallEls.push(idx);
    if ((bits & FLAG_SUBTITLE) !== 0 && meta.subtitles.length < 5) meta.subtitles.push(idx);
    if ((bits & FLAG_DATE) !== 0 && meta.dateEls.length < 5) meta.dateEls.push(idx);
  }
}
