import { textOf, extractBodyText } from './body-text.js';
import { dateFromUrl, normalizeDate, parseTextDate } from './dates.js';
import { findArticleJsonLd, namesOf, stringOf, stringsOf, urlOf } from './json-ld.js';
import { detectLanguage, normalizeLanguageTag } from './language.js';
import { buildPageModel, type PageModel } from './page-model.js';
import { DEFAULT_MAX_HTML_BYTES, limitHtml, parseHtml } from './parse-html.js';
import type { ArticleJsonLd, DateSource, ExtractOptions, ExtractResult, ExtractedArticle } from './types.js';

const WORD = /[\p{L}\p{N}_]+/gu;

/** Number of words, as `\w+` with Unicode letters and digits. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
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

const TITLE_SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' :: ', ' · ', ' « ', ' » '];

/** Removes a site-name suffix or prefix from a <title>. */
function stripSiteName(title: string, siteName: string | null): string {
  let t = title;
  for (const sep of TITLE_SEPARATORS) {
    const parts = t.split(sep);
    if (parts.length < 2) continue;
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    if (siteName !== null && last.trim().toLowerCase() === siteName.toLowerCase()) {
      t = parts.slice(0, -1).join(sep);
    } else if (siteName !== null && first.trim().toLowerCase() === siteName.toLowerCase()) {
      t = parts.slice(1).join(sep);
    } else if (countWords(first) >= 4 && countWords(last) < countWords(first)) {
      t = parts.slice(0, -1).join(sep);
    }
  }
  return t.trim();
}

function pickTitle(m: PageModel, ld: ArticleJsonLd | null, siteName: string | null): string {
  const h1s: string[] = [];
  for (const i of m.meta.h1) {
    const el = m.els[i];
    if (el === undefined) continue;
    const t = clean(textOf(el));
    if (t.length > 0) h1s.push(t);
  }
  const candidates = [
    ld?.headline,
    firstMeta(m, 'og:title', 'twitter:title', 'headline', 'title', 'dc.title'),
    h1s.length === 1 ? h1s[0] : undefined,
    m.meta.title,
    h1s[0],
  ];
  for (const c of candidates) {
    if (c === undefined || c === null) continue;
    const t = clean(c);
    if (t.length > 0) return stripSiteName(t, siteName);
  }
  return '';
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
  const fromText = parseTextDate(text.slice(0, 600));
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

function extract(html: string, url: string, options: ExtractOptions | undefined): ExtractResult {
  const limited = limitHtml(html, options?.maxHtmlBytes ?? DEFAULT_MAX_HTML_BYTES);
  if (limited.trim().length === 0) return { kind: 'not-article', reason: 'empty document' };
  const doc = parseHtml(limited);
  const m = buildPageModel(doc);
  const ld = findArticleJsonLd(m.meta.jsonLd);
  const body = extractBodyText(m);
  const paragraphs = body?.paragraphs ?? [];
  const text = paragraphs.join('\n\n');
  const wordCount = countWords(text);

  const siteName =
    firstMeta(m, 'og:site_name', 'application-name', 'twitter:site') ??
    stringOf((ld?.['publisher'] as unknown) ?? null);
  const title = pickTitle(m, ld, siteName);
  const canonicalUrl = pickCanonical(m, url);
  const dates = pickDates(m, ld, canonicalUrl === url ? url : canonicalUrl, text);
  const languageDeclared = normalizeLanguageTag(
    m.meta.htmlLang ?? firstMeta(m, 'content-language', 'og:locale', 'language', 'dc.language'),
  );
  const languageDetected = detectLanguage(text);
  const imageRaw = urlOf(ld?.['image']) ?? firstMeta(m, 'og:image', 'twitter:image', 'twitter:image:src');
  const article: ExtractedArticle = {
    title,
    subtitle: null,
    text,
    authors: namesOf(ld?.['author']),
    publishedAt: dates.publishedAt,
    modifiedAt: dates.modifiedAt,
    dateSource: dates.dateSource,
    language: languageDetected ?? languageDeclared,
    languageDeclared,
    languageDetected,
    canonicalUrl,
    siteName,
    image: imageRaw === null ? null : resolveUrl(imageRaw, canonicalUrl),
    section: stringOf(ld?.['articleSection']) ?? firstMeta(m, 'article:section'),
    tags: stringsOf(ld?.['keywords']),
    wordCount,
    isPaywalled: false,
    isTruncated: false,
    attribution: null,
    jsonLd: ld,
  };
  if (wordCount < 30) return { kind: 'not-article', reason: 'too little text', partial: article };
  return { kind: 'article', article };
}

/**
 * Extracts the article of an HTML page: body text as a reader sees it, metadata and signals.
 * Never throws: hostile or broken input yields `{ kind: 'not-article', reason }`.
 */
export function extractArticle(html: string, url: string, options?: ExtractOptions): ExtractResult {
  try {
    return extract(typeof html === 'string' ? html : '', url, options);
  } catch (err) {
    // Classified, not swallowed: the caller gets the failure as a result with its reason.
    return {
      kind: 'not-article',
      reason: `extraction failed: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
