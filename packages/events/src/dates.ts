import type { Token } from './tokenize.js';
import { MONTHS, WEEKDAYS } from './words.js';

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** A date expression of a sentence resolved against the publication date. */
export interface DateMention {
  /** Token index where the expression starts. */
  index: number;
  date: string;
  precision: DatePrecision;
}

const DAY_MS = 86_400_000;

const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function utcDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day));
}

function monthOf(token: Token | undefined): number | null {
  if (!token) return null;
  const full = (MONTHS as readonly string[]).indexOf(token.norm);
  // "may" and "march" are also common words: accept them only capitalised.
  if (full >= 0)
    return (token.norm === 'may' || token.norm === 'march') && !/^\p{Lu}/u.test(token.text) ? null : full;
  const abbr = MONTH_ABBREVIATIONS[token.norm];
  return abbr !== undefined && /^\p{Lu}/u.test(token.text) ? abbr : null;
}

function dayNumber(token: Token | undefined): number | null {
  const m = token ? /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(token.norm) : null;
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 31 ? n : null;
}

function yearNumber(token: Token | undefined): number | null {
  const m = token ? /^(1[89]\d\d|20\d\d)$/.exec(token.norm) : null;
  return m ? Number(m[1]) : null;
}

/**
 * Resolves the date expressions of a sentence ("on Sunday", "yesterday", "last week",
 * "this month", "Oct. 5", "5 October 2025", "2025-10-05", "in 2023") against `published`.
 */
export function findDates(tokens: readonly Token[], published: Date): DateMention[] {
  const found: DateMention[] = [];
  const pubDay = utcDay(published.getUTCFullYear(), published.getUTCMonth(), published.getUTCDate());
  const shift = (days: number): string => toIsoDate(new Date(pubDay.getTime() + days * DAY_MS));
  const inferYear = (month: number, day: number): Date => {
    let d = utcDay(pubDay.getUTCFullYear(), month, day);
    // A date well after publication without a year refers to the previous year.
    if (d.getTime() - pubDay.getTime() > 7 * DAY_MS) d = utcDay(pubDay.getUTCFullYear() - 1, month, day);
    return d;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const prev = tokens[i - 1]?.norm;
    const next = tokens[i + 1];
    const w = t.norm;
    if (w === 'today' || w === 'tonight') {
      found.push({ index: i, date: shift(0), precision: 'day' });
    } else if (w === 'yesterday') {
      found.push({ index: i, date: shift(-1), precision: 'day' });
    } else if (w === 'tomorrow') {
      found.push({ index: i, date: shift(1), precision: 'day' });
    } else if ((WEEKDAYS as readonly string[]).includes(w)) {
      const target = (WEEKDAYS as readonly string[]).indexOf(w);
      const current = pubDay.getUTCDay();
      let back = (current - target + 7) % 7;
      if (prev === 'next' || prev === 'coming') back = back === 0 ? -7 : back - 7;
      else if (prev === 'last' && back === 0) back = 7;
      found.push({
        index: prev === 'last' || prev === 'next' || prev === 'on' ? i - 1 : i,
        date: shift(-back),
        precision: 'day',
      });
    } else if (
      (w === 'week' || w === 'month' || w === 'year') &&
      (prev === 'last' || prev === 'this' || prev === 'past' || prev === 'next')
    ) {
      const y = pubDay.getUTCFullYear();
      const m = pubDay.getUTCMonth();
      let date: string;
      if (w === 'week') date = shift(prev === 'last' || prev === 'past' ? -7 : prev === 'next' ? 7 : 0);
      else if (w === 'month')
        date =
          prev === 'last' || prev === 'past'
            ? toIsoDate(utcDay(y, m - 1, 1))
            : prev === 'next'
              ? toIsoDate(utcDay(y, m + 1, 1))
              : shift(0);
      else
        date =
          prev === 'last' || prev === 'past'
            ? `${y - 1}-01-01`
            : prev === 'next'
              ? `${y + 1}-01-01`
              : shift(0);
      found.push({ index: i - 1, date, precision: w });
    } else if (/^\d+$/.test(w) && next?.norm === 'days' && tokens[i + 2]?.norm === 'ago') {
      found.push({ index: i, date: shift(-Number(w)), precision: 'day' });
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(w)) {
      const d = new Date(`${w}T00:00:00Z`);
      if (!Number.isNaN(d.getTime())) found.push({ index: i, date: toIsoDate(d), precision: 'day' });
    } else if (monthOf(t) !== null) {
      const month = monthOf(t) ?? 0;
      let k = i + 1;
      if (tokens[k]?.norm === '.') k++;
      const day = dayNumber(tokens[k]);
      if (day !== null) {
        let y = k + 1;
        if (tokens[y]?.norm === ',') y++;
        const year = yearNumber(tokens[y]);
        const d = year !== null ? utcDay(year, month, day) : inferYear(month, day);
        found.push({ index: i, date: toIsoDate(d), precision: 'day' });
        i = year !== null ? y : k;
      } else {
        const year = yearNumber(tokens[k]);
        // "6 October" is handled from the number; here only "October 2025" or "in October".
        if (dayNumber(tokens[i - 1]) !== null) continue;
        if (year !== null) {
          found.push({ index: i, date: toIsoDate(utcDay(year, month, 1)), precision: 'month' });
          i = k;
        } else if (
          prev === 'in' ||
          prev === 'early' ||
          prev === 'late' ||
          prev === 'mid' ||
          prev === 'since'
        ) {
          const d = inferYear(month, 1);
          found.push({ index: i, date: toIsoDate(d), precision: 'month' });
        }
      }
    } else if (dayNumber(t) !== null && monthOf(next) !== null) {
      const day = dayNumber(t) ?? 1;
      const month = monthOf(next) ?? 0;
      const year = yearNumber(tokens[i + 2]);
      const d = year !== null ? utcDay(year, month, day) : inferYear(month, day);
      found.push({ index: i, date: toIsoDate(d), precision: 'day' });
      i += year !== null ? 2 : 1;
    } else if (yearNumber(t) !== null && (prev === 'in' || prev === 'since')) {
      found.push({ index: i, date: `${w}-01-01`, precision: 'year' });
    }
  }
  return found;
}
