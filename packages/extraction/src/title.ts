import type { Element } from 'domhandler';
import { textOf } from './body-text.js';
import { decodeText } from './json-ld.js';
import type { PageModel } from './page-model.js';

const SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' :: ', ' · ', ' • ', ' « ', ' » ', ' / '];
const SEPARATOR_RE = /\s(?:\||–|—|-|::|·|•|«|»|\/)\s/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Whitespace collapsed, entities left over from double encoding decoded. */
export function cleanText(s: string): string {
  const t = s.replace(/[\s\u00a0]+/g, ' ').trim();
  return /&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(t)
    ? decodeText(t)
        .replace(/[\s\u00a0]+/g, ' ')
        .trim()
    : t;
}

function key(s: string): string {
  return (s.toLowerCase().match(WORD) ?? []).join(' ');
}

function wordCount(s: string): number {
  return (s.match(WORD) ?? []).length;
}

/**
 * Removes a site-name suffix or prefix from a title: the part equal to the site name, else a
 * shorter last part after a separator when the first part is a title of its own (4+ words).
 */
export function stripSiteName(title: string, siteNames: readonly string[]): string {
  const names = new Set(siteNames.map(key).filter((k) => k.length > 0));
  let t = title;
  for (const sep of SEPARATORS) {
    const parts = t.split(sep);
    if (parts.length < 2) continue;
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    if (names.has(key(last))) t = parts.slice(0, -1).join(sep);
    else if (names.has(key(first))) t = parts.slice(1).join(sep);
    else if (wordCount(first) >= 4 && wordCount(last) < wordCount(first)) t = parts.slice(0, -1).join(sep);
  }
  return t.trim();
}

/** Whether an element sits in navigation, or is (or wraps) a link to the site's front page. */
function isSiteChrome(m: PageModel, i: number): boolean {
  const el = m.els[i] as Element;
  const stack: Element[] = [el];
  while (stack.length > 0) {
    const cur = stack.pop() as Element;
    if (cur.name === 'a') {
      const href = (cur.attribs['href'] ?? '').trim();
      if (href === '/' || /^https?:\/\/[^/]+\/?$/i.test(href)) return true;
    }
    for (const c of cur.children) if (c.type === 'tag') stack.push(c);
  }
  let a = m.parent[i] as number;
  for (let steps = 0; a >= 0 && steps < 40; steps++) {
    const name = (m.els[a] as Element).name;
    if (name === 'nav' || name === 'aside' || name === 'footer' || name === 'a') return true;
    if ((m.classWeight[a] as number) === -2) return true;
    a = m.parent[a] as number;
  }
  return false;
}

/** Content words (3+ letters) of a text, lower case. */
function contentWords(s: string): Set<string> {
  return new Set((s.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= 3));
}

/**
 * The page's title. A single <h1> that is not the site's name (logo, blog name, the part of
 * <title> after a separator), not in navigation and that shares a word with the metadata titles
 * is the headline as readers see it; else JSON-LD headline, og:title, twitter:title or <title>,
 * with the site name removed. Entities are decoded; the result is plain text.
 */
export function pickTitle(
  m: PageModel,
  metaTitles: ReadonlyArray<string | null | undefined>,
  siteName: string | null,
): string {
  const titleTag = cleanText(m.meta.title);
  // Beside the longest part of a <title>, the other parts name the site or its section.
  const titleParts = titleTag.split(SEPARATOR_RE).map((p) => p.trim());
  const longest = titleParts.reduce((a, b) => (wordCount(b) > wordCount(a) ? b : a), '');
  const siteLike = new Set(
    [siteName ?? '', ...(wordCount(longest) >= 3 ? titleParts.filter((p) => p !== longest) : [])]
      .map(key)
      .filter((k) => k.length > 0),
  );
  const metas = [...metaTitles, titleTag]
    .map((t) => (t === null || t === undefined ? '' : cleanText(t)))
    .filter((t) => t.length > 0);
  const metaWords = contentWords(metas.join(' '));
  for (const i of m.meta.h1) {
    const el = m.els[i];
    if (el === undefined) continue;
    const t = cleanText(textOf(el));
    const n = wordCount(t);
    if (n === 0 || n > 40 || t.endsWith(':')) continue;
    if (siteLike.has(key(t)) || isSiteChrome(m, i)) continue;
    if (metas.length > 0 && ![...contentWords(t)].some((w) => metaWords.has(w))) continue;
    return t;
  }
  for (const t of metas) {
    // A title cut short with an ellipsis is a worse choice than a later complete one.
    if (/(?:\.\.\.|…)$/.test(t) && metas.some((o) => o !== t && o.startsWith(t.replace(/(?:\.\.\.|…)$/, ''))))
      continue;
    return stripSiteName(t, siteName === null ? [] : [siteName]);
  }
  return '';
}
