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

/** Words in class or id that mark boilerplate: sharing, promotion, navigation, comments, credits. */
const NEGATIVE_WORDS = new Set([
  'share',
  'sharing',
  'social',
  'related',
  'recommended',
  'recommendations',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'promo',
  'promotion',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'adslot',
  'adunit',
  'sponsor',
  'sponsored',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'comment',
  'comments',
  'disqus',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'author',
  'authors',
  'caption',
  'credit',
  'credits',
  'sidebar',
  'widget',
  'popup',
  'modal',
  'overlay',
  'toolbar',
  'tags',
  'taglist',
  'footer',
  'nav',
  'navbar',
  'navigation',
  'menu',
  'masthead',
  'pagination',
  'pager',
  'skip',
  'print',
  'login',
  'outbrain',
  'taboola',
  'rail',
  'more',
  'trending',
  'popular',
  'banner',
  'dateline',
  'timestamp',
  'meta',
  'hidden',
  'visually',
  'sr',
  'screenreader',
  'tooltip',
  'contributor',
  'bio',
  'disclaimer',
  'correction',
  'feedback',
  'rating',
  'ratings',
  'read',
  'next',
  'prev',
  'teaser',
  'teasers',
  'headline',
  'kicker',
  'headlines',
  'byline',
  'icons',
  'icon',
  'video',
  'gallery',
  'slideshow',
  'carousel',
  'player',
  'audio',
]);

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

/** -1 boilerplate, +1 article content, 0 neutral, judged by class and id words. */
export function classWeight(el: Element): number {
  const words = classWords(el);
  if (words.length === 0) return 0;
  let neg = false;
  let pos = false;
  for (const w of words) {
    if (w.length === 0) continue;
    if (NEGATIVE_WORDS.has(w)) neg = true;
    else if (POSITIVE_WORDS.has(w)) pos = true;
  }
  if (neg && !pos) return -1;
  if (pos && !neg) return 1;
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
  /** Elements whose class or id names a paywall or subscriber-only content. */
  paywallMarks: number;
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

/** Builds the {@link PageModel}; iterative, so any nesting depth is safe. */
export function buildPageModel(doc: Document): PageModel {
  const els: Element[] = [];
  const parents: number[] = [];
  const skippedArr: number[] = [];
  const blockOfArr: number[] = [];
  const inLinkArr: number[] = [];
  const ownText: number[] = [];
  const ownLink: number[] = [];
  const weights: number[] = [];
  const indexOf = new Map<Element, number>();
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
    paywallMarks: 0,
  };
  const blockTextArr: number[] = [];
  const blockLinkArr: number[] = [];
  const blockCommasArr: number[] = [];

  // Explicit stack of [node, parentIndex]; children pushed in reverse to keep document order.
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
      const parentEl = els[p];
      if (parentEl !== undefined && parentEl.name === 'title' && meta.title.length === 0) meta.title = data;
      if (skippedArr[p] === 1) continue;
      ownText[p] = (ownText[p] ?? 0) + len;
      const b = blockOfArr[p] ?? -1;
      if (b >= 0) {
        blockTextArr[b] = (blockTextArr[b] ?? 0) + len;
        blockCommasArr[b] = (blockCommasArr[b] ?? 0) + countCommas(data);
      }
      if (inLinkArr[p] === 1) {
        ownLink[p] = (ownLink[p] ?? 0) + len;
        if (b >= 0) blockLinkArr[b] = (blockLinkArr[b] ?? 0) + len;
      }
      continue;
    }
    if (!isElement(node)) continue;
    const idx = els.length;
    els.push(node);
    indexOf.set(node, idx);
    parents.push(p);
    ownText.push(0);
    ownLink.push(0);
    blockTextArr.push(0);
    blockLinkArr.push(0);
    blockCommasArr.push(0);
    const name = node.name;
    const attribs = node.attribs;
    const w = name === 'html' || name === 'body' ? 0 : classWeight(node);
    weights.push(w);

    // Metadata.
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
    }
    const itemprop = attribs['itemprop'];
    if (itemprop !== undefined && name !== 'meta' && name !== 'link') {
      meta.itemprops.push({ prop: itemprop.toLowerCase(), index: idx });
    }
    if (w < 0) {
      const cls = `${attribs['class'] ?? ''} ${attribs['id'] ?? ''}`.toLowerCase();
      if (cls.includes('byline') || cls.includes('author')) meta.bylines.push(idx);
    }
    const clsAll = attribs['class'];
    if (clsAll !== undefined && /paywall|subscriber-only|premium-content|piano|regwall|meter/i.test(clsAll)) {
      meta.paywallMarks++;
    }

    // Text accounting.
    const parentSkipped = p >= 0 ? skippedArr[p] === 1 : false;
    const skip =
      parentSkipped ||
      DROP_TAGS.has(name) ||
      (w < 0 && name !== 'article' && name !== 'main') ||
      isHidden(node);
    skippedArr.push(skip ? 1 : 0);
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
  const textLen = Int32Array.from(ownText);
  const linkLen = Int32Array.from(ownLink);
  const blockText = Int32Array.from(blockTextArr);
  const blockLink = Int32Array.from(blockLinkArr);
  const paragraphs = new Int32Array(n);
  // Children come after their parent in pre-order, so a reverse sweep is a bottom-up pass.
  for (let i = n - 1; i >= 0; i--) {
    const el = els[i] as Element;
    if (
      skippedArr[i] !== 1 &&
      (el.name === 'p' || (blockText[i] as number) >= 80) &&
      (blockText[i] as number) > 0
    ) {
      paragraphs[i] = (paragraphs[i] as number) + 1;
    }
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
    skipped: Uint8Array.from(skippedArr),
    textLen,
    linkLen,
    blockText,
    blockLink,
    blockCommas: Int32Array.from(blockCommasArr),
    paragraphs,
    indexOf,
    classWeight: Int8Array.from(weights),
    meta,
  };
}
