/**
 * Metadata accuracy against labelled pages: title (normalised match), author set (exact match and
 * spurious names), publish date (same calendar day as the page states it).
 */
import { words } from './extraction-metric.js';

/** Title comparison key: NFKC, lowercase, words only. */
export function titleKey(title: string): string {
  return words(title.normalize('NFKC').toLowerCase()).join(' ');
}

/** Whether a label part is a credential or role ("MS", "Ph.D.", "E-RYT 200"), not a name. */
function isCredential(part: string): boolean {
  const tokens = part.split(/\s+/).filter((t) => t.length > 0);
  if (tokens.length === 0) return true;
  if (tokens.length === 1)
    return (
      /^[A-Z][A-Za-z.-]{0,6}$/.test(tokens[0] as string) && !/^[A-Z][a-z]{2,}$/.test(tokens[0] as string)
    );
  return tokens.some((t) => /\d/.test(t));
}

/**
 * The set of names in a label or a predicted list: split on commas, semicolons, "&" and "and";
 * credentials after a name ("Jane Roe, MD") are dropped; each name is compared by its words.
 */
export function authorSet(value: string | readonly string[] | null | undefined): Set<string> {
  const raw = value === null || value === undefined ? [] : typeof value === 'string' ? [value] : value;
  const out = new Set<string>();
  for (const r of raw) {
    const parts = r.split(/\s*(?:[,;&]|\band\b)\s*/).filter((p) => p.trim().length > 0);
    parts.forEach((p, i) => {
      if (i > 0 && isCredential(p.trim())) return;
      const key = words(p.normalize('NFKC').toLowerCase()).join(' ');
      if (key.length > 0) out.add(key);
    });
  }
  return out;
}

export interface MetadataTally {
  titlePages: number;
  titleMatched: number;
  /** Pages with a labelled author. */
  authorPages: number;
  authorExact: number;
  /** Pages with a labelled author where none was found. */
  authorMissing: number;
  /** Pages without a labelled author. */
  noAuthorPages: number;
  /** Of those, pages where an author was reported anyway. */
  noAuthorSpurious: number;
  predictedNames: number;
  /** Predicted names that are not among the labelled ones (all pages). */
  spuriousNames: number;
  datePages: number;
  dateSameDay: number;
  dateMissing: number;
}

export function emptyTally(): MetadataTally {
  return {
    titlePages: 0,
    titleMatched: 0,
    authorPages: 0,
    authorExact: 0,
    authorMissing: 0,
    noAuthorPages: 0,
    noAuthorSpurious: 0,
    predictedNames: 0,
    spuriousNames: 0,
    datePages: 0,
    dateSameDay: 0,
    dateMissing: 0,
  };
}

export interface PredictedMetadata {
  title: string | null;
  authors: readonly string[];
  /** ISO-8601; its date part is the day compared. */
  publishedAt: string | null;
}

/** Adds one page to the tally; fields absent from `truth` are not counted. */
export function tallyMetadata(t: MetadataTally, truth: Record<string, unknown>, p: PredictedMetadata): void {
  const title = truth['title'];
  if (typeof title === 'string' && title.trim().length > 0) {
    t.titlePages++;
    if (p.title !== null && titleKey(p.title) === titleKey(title)) t.titleMatched++;
  }
  if ('author' in truth) {
    const gold = authorSet(typeof truth['author'] === 'string' ? truth['author'] : null);
    const pred = authorSet(p.authors);
    t.predictedNames += pred.size;
    for (const n of pred) if (!gold.has(n)) t.spuriousNames++;
    if (gold.size > 0) {
      t.authorPages++;
      if (pred.size === 0) t.authorMissing++;
      else if (pred.size === gold.size && [...pred].every((n) => gold.has(n))) t.authorExact++;
    } else {
      t.noAuthorPages++;
      if (pred.size > 0) t.noAuthorSpurious++;
    }
  }
  const date = truth['publish_date'];
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date)) {
    t.datePages++;
    if (p.publishedAt === null) t.dateMissing++;
    else if (p.publishedAt.slice(0, 10) === date.slice(0, 10)) t.dateSameDay++;
  }
}
