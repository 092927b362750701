import { textOf, extractBodyText } from './body-text.js';
import { dateFromUrl, normalizeDate, parseTextDate } from './dates.js';
import type { Element } from 'domhandler';
import { decodeBodyDetailed } from '@wirehose/http-fetch';
import { findArticleJsonLd, namesOf, stringOf, stringsOf, urlOf } from './json-ld.js';
import { findAttribution } from './attribution.js';
import { bylineNames, normalizeAuthors, textLines } from './authors.js';
import { detectPaywall, detectTruncation } from './paywall.js';
import { detectLanguage, normalizeLanguageTag, type LanguageDetection } from './language.js';
import { buildPageModel, type PageModel } from './page-model.js';
import { pickTitle } from './title.js';
import { limitNesting } from './depth-guard.js';
import { DEFAULT_MAX_HTML_BYTES, limitHtml, parseHtml } from './parse-html.js';
import type { ArticleJsonLd, DateSource, ExtractOptions, ExtractResult, ExtractedArticle } from './types.js';

// Han and kana characters count one each (those scripts write no spaces); other words are \w+ runs.
const CJK_WORD =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{M}\p{N}_])+/gu;
const HAS_CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** Number of words: runs of letters and digits, and each Chinese or Japanese character. */
export function countWords(text: string): number {
  const re = HAS_CJK.test(text) ? CJK_WORD : WORD;
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

function firstMeta(m: PageModel, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = m.meta.metas.get(k);
    if (v !== undefined) for (const s of v) if (s.trim().length > 0) return s.trim();
  }
  return null;
}

function clean(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

function resolveUrl(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.toString();
  } catch {
    return null;
  }
}

function pickCanonical(m: PageModel, url: string): string {
  const rel = m.meta.links.find((l) => l.rel.split(/\s+/).includes('canonical'));
  const candidates = [rel?.href, firstMeta(m, 'og:url')];
  for (const c of candidates) {
    if (c === undefined || c === null || c.trim().length === 0) continue;
    const r = resolveUrl(c, url);
    if (r !== null) return r;
  }
  return url;
}

interface Dates {
  publishedAt: string | null;
  modifiedAt: string | null;
  dateSource: DateSource | null;
}

function pickDates(m: PageModel, ld: ArticleJsonLd | null, url: string, text: string): Dates {
  const modified =
    (typeof ld?.['dateModified'] === 'string' ? normalizeDate(ld['dateModified']) : null) ??
    normalizeFirst(
      m,
      'article:modified_time',
      'og:updated_time',
      'datemodified',
      'last-modified',
      'modified',
    );
  const ldPub = typeof ld?.['datePublished'] === 'string' ? normalizeDate(ld['datePublished']) : null;
  if (ldPub !== null) return { publishedAt: ldPub, modifiedAt: modified, dateSource: 'json-ld' };
  const metaPub = normalizeFirst(
    m,
    'article:published_time',
    'datepublished',
    'og:published_time',
    'published_time',
    'pubdate',
    'publishdate',
    'publish-date',
    'publication_date',
    'date',
    'dc.date',
    'dc.date.issued',
    'dcterms.created',
    'sailthru.date',
    'parsely-pub-date',
    'article.published',
    'datecreated',
    'created',
  );
  if (metaPub !== null) return { publishedAt: metaPub, modifiedAt: modified, dateSource: 'meta' };
  for (const t of m.meta.times) {
    const d = normalizeDate(t.datetime);
    if (d !== null) return { publishedAt: d, modifiedAt: modified, dateSource: 'time' };
  }
  const fromUrl = dateFromUrl(url);
  if (fromUrl !== null) return { publishedAt: fromUrl, modifiedAt: modified, dateSource: 'url' };
  const fromText = parseTextDate([...elementTexts(m, m.meta.dateEls, 200), text.slice(0, 600)].join('\n'));
  if (fromText !== null) return { publishedAt: fromText, modifiedAt: modified, dateSource: 'text' };
  return { publishedAt: null, modifiedAt: modified, dateSource: null };
}

function normalizeFirst(m: PageModel, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = m.meta.metas.get(k);
    if (v === undefined) continue;
    for (const s of v) {
      const d = normalizeDate(s);
      if (d !== null) return d;
    }
  }
  return null;
}

function elementTexts(m: PageModel, indexes: readonly number[], limit: number): string[] {
  const out: string[] = [];
  for (const i of indexes) {
    const el = m.els[i];
    if (el === undefined) continue;
    const t = clean(textOf(el));
    if (t.length > 0 && t.length <= limit) out.push(t);
  }
  return out;
}

/** Meta names that carry an article's author (one name or a list per tag). */
const AUTHOR_METAS = [
  'author',
  'article:author',
  'og:author',
  'og:article:author',
  'citation_author',
  'dc.creator',
  'dcterms.creator',
  'parsely-author',
  'sailthru.author',
  'byl',
];

/** Whether an element lies in comments, related links, navigation or a sidebar. */
function inBoilerplate(m: PageModel, i: number): boolean {
  let a = m.parent[i] as number;
  for (let steps = 0; a >= 0 && steps < 60; steps++) {
    const name = (m.els[a] as Element).name;
    if (name === 'nav' || name === 'aside' || name === 'footer') return true;
    if ((m.classWeight[a] as number) === -2) return true;
    a = m.parent[a] as number;
  }
  return false;
}

/**
 * Authors from JSON-LD, then the author meta family, then byline markup (itemprop=author,
 * rel=author, byline/author classes outside comments and related blocks): the first source that
 * names someone wins, so a page's own byline is not mixed with names from elsewhere.
 */
function pickAuthors(m: PageModel, ld: ArticleJsonLd | null): string[] {
  const fromLd = normalizeAuthors(namesOf(ld?.['author']), { structured: true });
  if (fromLd.length > 0) return fromLd;
  for (const k of AUTHOR_METAS) {
    const names = normalizeAuthors(m.meta.metas.get(k) ?? [], { structured: true });
    if (names.length > 0) return names;
  }
  const propIdx = m.meta.itemprops
    .filter((p) => p.prop === 'author' || p.prop === 'creator')
    .map((p) => p.index);
  for (const source of [propIdx, m.meta.relAuthors, m.meta.bylines]) {
    for (const i of source.slice(0, 10)) {
      const el = m.els[i];
      if (el === undefined || inBoilerplate(m, i)) continue;
      const names = bylineNames(textLines(el));
      if (names.length > 0) return names;
    }
  }
  return [];
}

function pickSubtitle(m: PageModel, ld: ArticleJsonLd | null, title: string, text: string): string | null {
  const alt = stringOf(ld?.['alternativeHeadline']);
  if (alt !== null && alt !== title) return clean(alt);
  // A dek sits right below the headline.
  const nearH1 = m.meta.subtitles.filter((i) => m.meta.h1.some((h) => i > h && i - h < 30));
  for (const t of elementTexts(m, nearH1, 400)) {
    if (t !== title && countWords(t) >= 4) return t;
  }
  const desc = firstMeta(m, 'og:description', 'description', 'twitter:description');
  if (desc === null) return null;
  const d = clean(desc);
  // A description that only repeats the opening of the text is not a subtitle.
  const head = clean(text.slice(0, d.length + 20));
  if (d.length < 20 || d === title || head.startsWith(d.replace(/(?:\.\.\.|…)$/, '').slice(0, 60)))
    return null;
  return d;
}

function pickTags(m: PageModel, ld: ArticleJsonLd | null): string[] {
  const raw = [...stringsOf(ld?.['keywords'])];
  if (raw.length === 0) raw.push(...(m.meta.metas.get('article:tag') ?? []));
  if (raw.length === 0) {
    const kw = firstMeta(m, 'news_keywords', 'keywords');
    if (kw !== null) raw.push(...kw.split(','));
  }
  const out: string[] = [];
  for (const t of raw) {
    const c = clean(t);
    if (c.length > 0 && c.length <= 80 && !out.includes(c)) out.push(c);
    if (out.length >= 30) break;
  }
  return out;
}

function pickImage(m: PageModel, ld: ArticleJsonLd | null, base: string): string | null {
  const candidates = [
    firstMeta(m, 'og:image', 'og:image:url', 'og:image:secure_url'),
    urlOf(ld?.['image']),
    firstMeta(m, 'twitter:image', 'twitter:image:src', 'thumbnailurl'),
  ];
  for (const c of candidates) {
    if (c === null) continue;
    const r = resolveUrl(c, base);
    if (r !== null) return r;
  }
  return null;
}

function pickLanguage(declared: string | null, detection: LanguageDetection | null): string | null {
  if (detection === null) return declared;
  if (declared === null) return detection.language;
  // The declared language wins unless the text clearly reads as another one.
  return detection.plausible.includes(declared) ? declared : detection.language;
}

/** Paragraphs of a JSON-LD articleBody, markup removed. */
function ldParagraphs(body: string): string[] {
  const plain = body
    .replace(/<(?:br|\/p|\/div|\/h\d|\/li)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]{0,500}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  return plain
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** Whether one of `marks` lies inside the article container or its parent (not elsewhere on the site). */
function marksNear(m: PageModel, marks: readonly number[], container: number): boolean {
  const scope = (m.parent[container] ?? -1) >= 0 ? (m.parent[container] as number) : container;
  for (const mark of marks) {
    let cur = mark;
    for (let steps = 0; cur >= 0 && steps < 200; steps++) {
      if (cur === scope) return true;
      cur = m.parent[cur] as number;
    }
  }
  return false;
}

/** Whether there is any sign that the page is one article rather than an index or a form. */
function hasArticleSignals(m: PageModel, ld: ArticleJsonLd | null): boolean {
  if (ld !== null && /Article|Posting|Report/.test(ld.type)) return true;
  const ogType = firstMeta(m, 'og:type');
  if (ogType !== null && /article/i.test(ogType)) return true;
  return m.meta.metas.has('article:published_time');
}

function extract(
  html: string,
  url: string,
  options: ExtractOptions | undefined,
  encodingRepaired: boolean,
): ExtractResult {
  const limited = limitHtml(html, options?.maxHtmlBytes ?? DEFAULT_MAX_HTML_BYTES);
  if (limited.trim().length === 0) return { kind: 'not-article', reason: 'empty document' };
  const doc = parseHtml(limitNesting(limited));
  const m = buildPageModel(doc);
  const ld = findArticleJsonLd(m.meta.jsonLd);
  const body = extractBodyText(m);
  let paragraphs = body?.paragraphs ?? [];
  let text = paragraphs.join('\n\n');
  let wordCount = countWords(text);

  // JSON-LD articleBody stands in when the markup gave much less (scripted or hidden bodies).
  let ldWords = 0;
  if (typeof ld?.articleBody === 'string') {
    const ldParas = ldParagraphs(ld.articleBody);
    const ldText = ldParas.join('\n\n');
    ldWords = countWords(ldText);
    const ldComplete = !/(?:\.\.\.|…)\s*$/.test(ldText);
    if (ldComplete && ldWords >= 50 && wordCount < ldWords * 0.6) {
      paragraphs = ldParas;
      text = ldText;
      wordCount = ldWords;
    }
  }

  const siteNameRaw =
    firstMeta(m, 'og:site_name') ??
    stringOf(ld?.['publisher'] ?? null) ??
    firstMeta(m, 'application-name', 'al:ios:app_name');
  const siteName = siteNameRaw === null ? null : clean(siteNameRaw).replace(/^@/, '');
  const title = pickTitle(
    m,
    [ld?.headline, firstMeta(m, 'og:title', 'twitter:title', 'headline', 'title', 'dc.title')],
    siteName,
  );
  const canonicalUrl = pickCanonical(m, url);
  const dates = pickDates(m, ld, url, text);
  const languageDeclared = normalizeLanguageTag(
    m.meta.htmlLang ??
      firstMeta(m, 'content-language', 'og:locale', 'language', 'dc.language') ??
      stringOf(ld?.['inLanguage']),
  );
  const detection = detectLanguage(text);
  const languageDetected = detection?.language ?? null;
  const isPaywalled = detectPaywall(
    ld,
    firstMeta(m, 'article:content_tier'),
    body !== null && marksNear(m, m.meta.paywallEls, body.container),
    text,
  );
  const article: ExtractedArticle = {
    title,
    subtitle: pickSubtitle(m, ld, title, text),
    text,
    authors: pickAuthors(m, ld),
    publishedAt: dates.publishedAt,
    modifiedAt: dates.modifiedAt,
    dateSource: dates.dateSource,
    language: pickLanguage(languageDeclared, detection),
    languageDeclared,
    languageDetected,
    canonicalUrl,
    siteName,
    image: pickImage(m, ld, canonicalUrl),
    section:
      stringOf(ld?.['articleSection']) ?? firstMeta(m, 'article:section', 'section', 'parsely-section'),
    tags: pickTags(m, ld),
    wordCount,
    isPaywalled,
    isTruncated: detectTruncation(text, isPaywalled, ldWords, wordCount),
    attribution: findAttribution(paragraphs),
    jsonLd: ld,
    encodingRepaired,
  };
  if (wordCount === 0) return { kind: 'not-article', reason: 'no text found', partial: article };
  const signals = hasArticleSignals(m, ld);
  if (wordCount < (signals ? 15 : 50)) {
    return { kind: 'not-article', reason: `too little text (${wordCount} words)`, partial: article };
  }
  if (!signals && body !== null && body.linkDensity > 0.5) {
    return { kind: 'not-article', reason: 'link list (index or navigation page)', partial: article };
  }
  return { kind: 'article', article };
}

/**
 * Extracts the article of an HTML page: body text as a reader sees it, metadata and signals.
 * The page may be given as text or as the bytes served: bytes are decoded with the declared
 * charset (`options.contentType`, then the document's own), and with a detected one when they are
 * not valid in it (`encodingRepaired: true`).
 * Never throws: hostile or broken input yields `{ kind: 'not-article', reason }`.
 */
export function extractArticle(
  html: string | Uint8Array,
  url: string,
  options?: ExtractOptions,
): ExtractResult {
  try {
    if (typeof html === 'string') return extract(html, url, options, false);
    if (!(html instanceof Uint8Array)) return extract('', url, options, false);
    const decoded = decodeBodyDetailed(
      Buffer.from(html.buffer, html.byteOffset, html.byteLength),
      options?.contentType ?? null,
    );
    return extract(decoded.text, url, options, decoded.encodingRepaired);
  } catch (err) {
    // Classified, not swallowed: the caller gets the failure as a result with its reason.
    return {
      kind: 'not-article',
      reason: `extraction failed: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
