import { Parser } from 'htmlparser2';
import { chooseDates, type ChosenDates, type DateCandidate, type DateKind } from './choose-dates.js';
import { findDatesInText, type DateOptions } from './parse-date.js';

/** Meta names, properties and itemprops that hold a date, by what they claim. */
const META_KINDS: ReadonlyMap<string, DateKind> = new Map(
  (
    [
      [
        'published',
        'article:published_time',
        'og:published_time',
        'og:article:published_time',
        'article:published',
        'datepublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'publish_date',
        'published-date',
        'published_date',
        'publication_date',
        'publication-date',
        'date',
        'dc.date',
        'dc.date.issued',
        'dcterms.issued',
        'dcterms.date',
        'sailthru.date',
        'parsely-pub-date',
        'citation_publication_date',
        'citation_date',
        'citation_online_date',
        'article.published',
        'date_published',
        'originalpublicationdate',
        'uploaddate',
      ],
      [
        'modified',
        'article:modified_time',
        'og:updated_time',
        'og:modified_time',
        'article:modified',
        'datemodified',
        'dcterms.modified',
        'last-modified',
        'lastmod',
        'date_modified',
      ],
      ['created', 'datecreated', 'dcterms.created', 'dc.date.created'],
    ] as [DateKind, ...string[]][]
  ).flatMap(([kind, ...names]) => names.map((name) => [name, kind] as const)),
);

/** Blocks about other articles or about nothing in particular: their dates are not the page's. */
const RELATED =
  /(?:^|[\s_-])(?:related|recommend\w*|teaser\w*|more|also|sidebar|aside|comments?|footer|widget|popular|trending|next|prev(?:ious)?|promo|newsletter|most-read|read-more|latest|listing|card)(?:$|[\s_-])/i;
/** Blocks that usually hold the page's own date line. */
const DATE_BLOCK = /date|time|posted|publish|byline|dateline|entry-meta|post-meta|article-meta|meta-info/i;
const MODIFIED_WORD =
  /(?:updated|modified|edited|revised|aktualisiert|geändert|mis à jour|modifié|actualizado|aggiornato|atualizado|bijgewerkt)(?:\W+(?:on|at|am|le|el|il|em|op|de|the))?\W{0,12}$/iu;
const PUBLISHED_WORD =
  /(?:published|posted|released|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|on)(?:\W+(?:on|at|am|le|el|il|em|op|de|the))?\W{0,12}$/iu;

const ARTICLE_TYPES =
  /^(?:\w*Article|BlogPosting|LiveBlogPosting|Report|WebPage|ItemPage|AboutPage|ScholarlyArticle|TechArticle|SocialMediaPosting|DiscussionForumPosting|VideoObject|Review|Product|Recipe|HowTo|QAPage|Question)$/;

/** How much visible text (from the start of the body) is searched for a date line. */
const LEAD_TEXT_CHARS = 1500;

function typesOf(node: Record<string, unknown>): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function jsonLdCandidates(json: string, out: DateCandidate[]): void {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return;
  }
  const tops: unknown[] = Array.isArray(doc) ? doc : [doc];
  const nodes = tops.flatMap((n) => {
    if (!n || typeof n !== 'object') return [];
    const graph = (n as Record<string, unknown>)['@graph'];
    return Array.isArray(graph) ? [n, ...(graph as unknown[])] : [n];
  });
  for (const node of nodes) {
    if (!node || typeof node !== 'object') continue;
    const o = node as Record<string, unknown>;
    const main = o['mainEntity'] ?? o['mainEntityOfPage'];
    const targets = [
      o,
      ...(main && typeof main === 'object' && !Array.isArray(main) ? [main as Record<string, unknown>] : []),
    ];
    for (const t of targets) {
      if (!typesOf(t).some((type) => ARTICLE_TYPES.test(type))) continue;
      const add = (key: string, kind: DateKind): void => {
        const v = t[key];
        if (typeof v === 'string') out.push({ value: v, kind, source: 'json-ld' });
      };
      add('datePublished', 'published');
      add('uploadDate', 'published');
      add('dateCreated', 'created');
      add('dateModified', 'modified');
    }
  }
}

function textCandidates(text: string, related: boolean, options: DateOptions, out: DateCandidate[]): void {
  for (const found of findDatesInText(text, options)) {
    const before = text.slice(Math.max(0, found.index - 40), found.index);
    const kind: DateKind = MODIFIED_WORD.test(before)
      ? 'modified'
      : PUBLISHED_WORD.test(before)
        ? 'published'
        : 'unknown';
    out.push({ value: found.match, kind, source: 'text', related });
  }
}

/**
 * Every date candidate of an HTML page, in page order: JSON-LD article dates (top level, `@graph` and
 * `mainEntity`), date meta tags by name, property or itemprop, `<time>` elements (kind from their
 * itemprop or class), the URL's path, and dates stated in date-line blocks and at the start of the
 * visible text (kind from the word before the date: "Updated", "Veröffentlicht", ...). Candidates
 * inside blocks about other articles (related, teaser, comments, sidebar, footer, ...) are marked
 * `related`.
 */
export function pageDateCandidates(html: string, url: string, options: DateOptions = {}): DateCandidate[] {
  const out: DateCandidate[] = [];
  const stack: { name: string; related: boolean; dateBlock: boolean }[] = [];
  let jsonLd: string | null = null;
  let hidden = 0;
  let leadText = '';

  let blockText = '';
  let blockDepth = -1;
  let timeText: { depth: number; text: string; kind: DateKind; related: boolean } | null = null;
  const inRelated = (): boolean => stack.some((e) => e.related);
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const cls = `${attrs['class'] ?? ''} ${attrs['id'] ?? ''}`;
        const related = RELATED.test(cls) || name === 'aside' || name === 'footer' || name === 'nav';
        const dateBlock = DATE_BLOCK.test(cls);
        stack.push({ name, related, dateBlock });
        if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') {
          hidden += 1;
          if (name === 'script' && /ld\+json/i.test(attrs['type'] ?? '')) jsonLd = '';
        }
        const prop = (attrs['property'] ?? attrs['name'] ?? attrs['itemprop'] ?? '').toLowerCase();
        const kind = META_KINDS.get(prop);
        const value = attrs['content'] ?? attrs['datetime'];
        if (kind && value && (name === 'meta' || attrs['itemprop'] !== undefined))
          out.push({ value, kind, source: name === 'meta' ? 'meta' : 'time', related: inRelated() });
        if (name === 'time') {
          const hint = `${attrs['itemprop'] ?? ''} ${attrs['class'] ?? ''}`;
          const timeKind: DateKind = /modif|updat/i.test(hint)
            ? 'modified'
            : /publish|pubdate|posted/i.test(hint) || attrs['pubdate'] !== undefined
              ? 'published'
              : 'unknown';
          if (attrs['datetime'])
            out.push({ value: attrs['datetime'], kind: timeKind, source: 'time', related: inRelated() });
          else timeText = { depth: stack.length, text: '', kind: timeKind, related: inRelated() };
        }
        if (dateBlock && blockDepth < 0 && !inRelated()) blockDepth = stack.length;
      },
      ontext(data) {
        if (jsonLd !== null) jsonLd += data;
        if (hidden > 0) return;
        if (timeText) timeText.text += data;
        if (blockDepth >= 0 && blockText.length < 300) blockText += data;
        if (leadText.length < LEAD_TEXT_CHARS && !inRelated() && stack.some((e) => e.name === 'body'))
          leadText += data;
      },
      onclosetag(name) {
        if (name === 'script' && jsonLd !== null) {
          jsonLdCandidates(jsonLd, out);
          jsonLd = null;
        }
        if (timeText && stack.length === timeText.depth) {
          if (timeText.text.trim())
            out.push({
              value: timeText.text,
              kind: timeText.kind,
              source: 'text',
              related: timeText.related,
            });
          timeText = null;
        }
        if (blockDepth >= 0 && stack.length === blockDepth) {
          textCandidates(blockText, false, options, out);
          blockText = '';
          blockDepth = -1;
        }
        const open = stack.pop();
        if (open && ['script', 'style', 'noscript', 'template'].includes(open.name))
          hidden = Math.max(0, hidden - 1);
        if (open && BLOCK_END.has(open.name)) leadText += '\n';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  out.push({ value: url, kind: 'unknown', source: 'url' });
  textCandidates(leadText, false, options, out);
  return out;
}

const BLOCK_END = new Set([
  'p',
  'div',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'br',
  'td',
  'header',
  'section',
  'article',
  'span',
]);

/** The published, modified and created dates of an HTML page: `pageDateCandidates` then `chooseDates`. */
export function findPageDates(html: string, url: string, options: DateOptions = {}): ChosenDates {
  return chooseDates(pageDateCandidates(html, url, options), options);
}
