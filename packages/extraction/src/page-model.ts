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
  'nav',
  'aside',
  'footer',
  'header',
  'figure',
  'figcaption',
  'dialog',
  'menu',
  'h1',
  'label',
]);

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

const WORD_SPLIT = /[^a-z0-9]+/;

function classWords(el: Element): string[] {
  const cls = el.attribs['class'];
  const id = el.attribs['id'];
  const raw = `${cls ?? ''} ${id ?? ''}`;
  if (raw.length < 2) return [];
  // camelCase becomes separate words: "shareBar" -> "share bar".
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(WORD_SPLIT);
}

/** -2 boilerplate, -1 likely boilerplate, +1 article content, 0 neutral, by class and id words. */
export function classWeight(el: Element): number {
  const words = classWords(el);
  if (words.length === 0) return 0;
  let strong = false;
  let neg = false;
  let pos = false;
  for (const w of words) {
    if (w.length === 0) continue;
    if (EMBED_WORDS.has(w)) return 0;
    if (STRONG_NEGATIVE_WORDS.has(w)) strong = true;
    else if (WEAK_NEGATIVE_WORDS.has(w)) neg = true;
    else if (POSITIVE_WORDS.has(w)) pos = true;
  }
  if (strong && !pos) return -2;
  if ((neg || strong) && !pos) return -1;
  if (pos && !neg && !strong) return 1;
  return 0;
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
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
  indexOf: Map<Element, number>;
  classWeight: Int8Array;
  meta: RawMeta;
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Counts characters of `s` that are not whitespace, cheaply. */
function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

function countCommas(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 0x3001 || c === 0xff0c || c === 0x060c) n++;
  }
  return n;
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
  const indexOf = new Map<Element, number>();
  const weightCache = new Map<string, number>();
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

  // Explicit stack of nodes with their parent index; children pushed in reverse keep document order.
  const stackNodes: AnyNode[] = [];
  const stackParent: number[] = [];
  for (let i = doc.children.length - 1; i >= 0; i--) {
    const c = doc.children[i];
    if (c !== undefined) {
      stackNodes.push(c);
      stackParent.push(-1);
    }
  }
  while (stackNodes.length > 0) {
    const node = stackNodes.pop() as AnyNode;
    const p = stackParent.pop() as number;
    if (node.type === 'text') {
      if (p < 0) continue;
      const data = node.data;
      const len = visibleLength(data);
      if (len === 0) continue;
      if (meta.title.length === 0 && els[p]?.name === 'title') meta.title = data;
      if (hardSkip[p] === 1) continue;
      ownTextArr[p] = (ownTextArr[p] ?? 0) + len;
      ownCommasArr[p] = (ownCommasArr[p] ?? 0) + countCommas(data);
      if (inLinkArr[p] === 1) ownLinkArr[p] = (ownLinkArr[p] ?? 0) + len;
      continue;
    }
    if (!isElement(node)) continue;
    const idx = els.length;
    els.push(node);
    indexOf.set(node, idx);
    parents.push(p);
    ownTextArr.push(0);
    ownLinkArr.push(0);
    ownCommasArr.push(0);
    const name = node.name;
    let w = 0;
    if (name !== 'html' && name !== 'body') {
      const key = `${node.attribs['class'] ?? ''} ${node.attribs['id'] ?? ''}`;
      if (key.length > 2) {
        // Pages repeat the same class names many times; judge each combination once.
        const cached = weightCache.get(key);
        if (cached === undefined) {
          w = classWeight(node);
          weightCache.set(key, w);
        } else w = cached;
      }
    }
    weights.push(w);
    collectMeta(meta, node, idx, w);

    const parentSkipped = p >= 0 ? hardSkip[p] === 1 : false;
    hardSkip.push(parentSkipped || DROP_TAGS.has(name) || isHidden(node) ? 1 : 0);
    const parentBlock = p >= 0 ? (blockOfArr[p] ?? -1) : -1;
    blockOfArr.push(BLOCK_TAGS.has(name) ? idx : parentBlock);
    inLinkArr.push(name === 'a' || (p >= 0 && inLinkArr[p] === 1) ? 1 : 0);

    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c === undefined) continue;
      if (c.type === 'comment' || c.type === 'directive') continue;
      stackNodes.push(c);
      stackParent.push(idx);
    }
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
      if (!wrapsArticle && !holdsProse && !weakWithProse && !NEVER_SOFT_SKIPPED.has(el.name)) skipped[i] = 1;
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
    indexOf,
    classWeight: Int8Array.from(weights),
    meta,
  };
}

function collectMeta(meta: RawMeta, node: Element, idx: number, w: number): void {
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
  const cls = attribs['class'];
  if (w === -1) {
    const both = `${cls ?? ''} ${attribs['id'] ?? ''}`.toLowerCase();
    if (both.includes('byline') || both.includes('author')) meta.bylines.push(idx);
  }
  if (cls !== undefined) {
    if (PAYWALL_CLASS.test(cls) && meta.paywallEls.length < 20) meta.paywallEls.push(idx);
    if (SUBTITLE_CLASS.test(cls) && meta.subtitles.length < 5) meta.subtitles.push(idx);
    if (DATE_CLASS.test(cls) && meta.dateEls.length < 5) meta.dateEls.push(idx);
  }
}

const SUBTITLE_CLASS =
  /(?:^|[\s_-])(?:sub-?title|sub-?headline|subhead|dek|standfirst|deck|article-summary|lede)(?:$|[\s_-])/i;
const DATE_CLASS =
  /(?:^|[\s_-])(?:date|dateline|timestamp|published|pubdate|posted-on|entry-date)(?:$|[\s_-])/i;
const PAYWALL_CLASS = /paywall|subscriber-only|subscribers-only|premium-content|regwall|piano-/i;
