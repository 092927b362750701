import { dateFromUrl, findDateInText, parseDate, type DateOptions, type ParsedDate } from './parse-date.js';

/** What a candidate claims to be, from its field name (datePublished, article:modified_time, ...). */
export type DateKind = 'published' | 'modified' | 'created' | 'unknown';

/** Where a candidate was found, most trusted first. */
export type DateSourceKind = 'json-ld' | 'meta' | 'time' | 'url' | 'text';

/** A date-like value seen in a page, as found. */
export interface DateCandidate {
  /** The value as written (for `url`, the page URL; for `text`, the text around the date). */
  value: string;
  kind: DateKind;
  source: DateSourceKind;
  /**
   * Found in a block about another article (related links, teaser lists, comments): never taken as
   * this page's date.
   */
  related?: boolean;
}

/** The page's dates, chosen. */
export interface ChosenDates {
  published: ParsedDate | null;
  /** Source of `published`. */
  publishedSource: DateSourceKind | null;
  /** What `published` was stated as: `published`, or a fallback (`created`, `unknown`, `modified`). */
  publishedKind: DateKind | null;
  modified: ParsedDate | null;
  created: ParsedDate | null;
}

const SOURCE_RANK: Record<DateSourceKind, number> = { 'json-ld': 0, meta: 1, time: 2, url: 3, text: 4 };

interface Read {
  date: ParsedDate;
  kind: DateKind;
  source: DateSourceKind;
  order: number;
}

function read(candidate: DateCandidate, options: DateOptions): ParsedDate | null {
  if (candidate.source === 'url') return dateFromUrl(candidate.value, options);
  if (candidate.source === 'text') return findDateInText(candidate.value, options);
  return parseDate(candidate.value, options) ?? findDateInText(candidate.value, options);
}

function best(reads: Read[]): Read | null {
  return (
    [...reads].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || a.order - b.order)[0] ?? null
  );
}

function dayDistance(a: ParsedDate, b: ParsedDate): number {
  return Math.abs(Date.parse(`${a.day}T00:00:00Z`) - Date.parse(`${b.day}T00:00:00Z`)) / 86_400_000;
}

/**
 * Choose a page's published, modified and created dates among its candidates:
 * - a candidate in a related-article block is never taken;
 * - published: the stated published dates, most trusted source first (JSON-LD, meta, `<time>`, text),
 *   in page order within a source; when the URL holds a date and the first choice is more than a day
 *   away from it while another published candidate agrees with it, that one is taken;
 * - without a published date: a created date, then an unlabelled date (URL, `<time>`, text), and a
 *   modified date only as the last resort;
 * - modified: the stated modified dates by the same trust order; a modified date earlier than the
 *   published one is dropped;
 * - every date keeps its stated offset (the day the page states is the day that counts).
 */
export function chooseDates(candidates: readonly DateCandidate[], options: DateOptions = {}): ChosenDates {
  const reads: Read[] = [];
  candidates.forEach((candidate, order) => {
    if (candidate.related) return;
    const date = read(candidate, options);
    if (date) reads.push({ date, kind: candidate.kind, source: candidate.source, order });
  });
  const of = (kind: DateKind): Read[] => reads.filter((r) => r.kind === kind);
  const fromUrl = reads.find((r) => r.source === 'url')?.date ?? null;

  let published = best(of('published'));
  if (published && fromUrl && dayDistance(published.date, fromUrl) > 1) {
    const agreeing = best(of('published').filter((r) => dayDistance(r.date, fromUrl) <= 1));
    if (agreeing) published = agreeing;
  }
  if (!published) published = best(of('created')) ?? best(of('unknown')) ?? best(of('modified'));
  let modified = best(of('modified'))?.date ?? null;
  if (modified && published && modified.epochMs < published.date.epochMs) modified = null;
  return {
    published: published?.date ?? null,
    publishedSource: published?.source ?? null,
    publishedKind: published?.kind ?? null,
    modified,
    created: best(of('created'))?.date ?? null,
  };
}
