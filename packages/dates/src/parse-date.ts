import { MONTHS, WEEKDAYS, ZONE_NAMES } from './names.js';

/**
 * A date as the page or feed states it. `iso` keeps the local date and time with the offset written
 * in the source ("2024-03-05T23:30:00.000-05:00" stays on the 5th); a date stated without a zone is
 * written with `Z` and `offsetMinutes: null`, never read in the process time zone.
 */
export interface ParsedDate {
  /** ISO 8601 with the stated offset (`Z` for UTC or for no zone), milliseconds always written. */
  iso: string;
  /** The calendar day the source states, yyyy-mm-dd. */
  day: string;
  /** Offset from UTC in minutes as stated; null when the source gave no zone. */
  offsetMinutes: number | null;
  /** The instant, for ordering (a date without zone counts as UTC). */
  epochMs: number;
  /** Whether a time of day was stated. */
  hasTime: boolean;
}

/** Bounds of a plausible date. */
export interface DateOptions {
  /** Earliest plausible instant in epoch ms (default 1990-01-01). */
  min?: number;
  /** Latest plausible instant in epoch ms (default: `now` plus one year). */
  max?: number;
  /** Clock for the default `max`. */
  now?: () => number;
  /** Read an ambiguous n/n/yyyy as day first (default false: month first, as US pages write it). */
  dayFirst?: boolean;
}

const DEFAULT_MIN = Date.UTC(1990, 0, 1);
const YEAR_MS = 366 * 24 * 3600 * 1000;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(names: Iterable<string>): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

const MONTH = `(?<mon>${alternation(MONTHS.keys())})(?!\\p{L})\\.?`;
const WEEKDAY = `(?:${alternation(WEEKDAYS)})(?!\\p{L})\\.?,?`;
const NAMED_ZONE = `\\(?(?:${alternation(ZONE_NAMES.keys())})\\)?`;
/** A zone after a time: numeric (with an optional GMT/UTC prefix), Etc/GMT±n, or a known name. */
const ZONE =
  `(?<zone>(?:GMT|UTC|UT)\\s?[+-]\\d{1,2}(?::?\\d{2})?(?!\\d)|[+-]\\d{2}:?\\d{2}(?!\\d)|[+-]\\d{2}(?![\\d:])` +
  `|Etc/(?:GMT|UTC|UCT|Zulu|Universal|Greenwich)(?:[+-]\\d{1,2})?|${NAMED_ZONE})(?!\\p{L})` +
  `(?:\\s*\\((?:${alternation(ZONE_NAMES.keys())})\\))?`;
const TIME =
  `(?<h>\\d{1,2})[:h](?<mi>\\d{2})(?::(?<s>\\d{2})(?:[.,](?<f>\\d{1,9}))?)?` +
  `(?:\\s*(?<ap>[ap]\\.?\\s?m\\.?)(?!\\p{L}))?(?:\\s*(?:uhr|h)(?!\\p{L}))?`;
/** What may sit between a date and its time: "," "at" "um" "à" "a las" "alle" "às" "om" "-" "|". */
const JOIN = `(?:\\s*(?:,|at|um|à|a las|alle|às|om|-|\\||T)?\\s*)`;
const TIME_AND_ZONE = `(?:${JOIN}${TIME}(?:\\s*${ZONE})?)?`;
const DAY = `(?<d>\\d{1,2})(?:st|nd|rd|th|er|e|º|°)?`;

interface Pattern {
  /** Regex body; named groups y, mo|mon, d (or a, b for an ambiguous day/month), time and zone. */
  body: string;
  /** How to read groups a and b when present. */
  order?: 'slash' | 'dash';
  /** Only when the whole value is the date (too loose to look for in running text). */
  wholeOnly?: boolean;
}

const PATTERNS: Pattern[] = [
  // ISO 8601 extended, with time and zone: 2003-12-31T10:14:55.123-08:00, 2003-12-31 10:14
  {
    body:
      `(?<y>\\d{4})-(?<mo>\\d{1,2})-(?<d>\\d{1,2})(?:(?:T|\\s+)(?<h>\\d{2}):?(?<mi>\\d{2})(?::?(?<s>\\d{2})(?:[.,](?<f>\\d{1,9}))?)?)?` +
      `(?:\\s*(?<zone>Z(?!\\p{L})|[+-]\\d{2}(?::?\\d{2})?(?!\\d)|(?:GMT|UTC)(?:[+-]\\d{1,2}(?::?\\d{2})?)?(?!\\p{L})))?`,
  },
  // ISO 8601 basic: 20031231, 20031231T101455Z
  {
    body:
      `(?<y>\\d{4})(?<mo>\\d{2})(?<d>\\d{2})(?:T(?<h>\\d{2})(?<mi>\\d{2})(?:(?<s>\\d{2})(?:[.,](?<f>\\d{1,9}))?)?` +
      `(?<zone>Z|[+-]\\d{2}(?::?\\d{2})?)?)?`,
    wholeOnly: true,
  },
  // Two-digit-year ISO forms: 03-12-31 and 031231 are 2003-12-31
  {
    body: `(?<y>\\d{2})-(?<mo>\\d{2})-(?<d>\\d{2})(?:T(?<h>\\d{2}):(?<mi>\\d{2})(?::(?<s>\\d{2}))?(?<zone>Z|[+-]\\d{2}(?::?\\d{2})?)?)?`,
    wholeOnly: true,
  },
  { body: `(?<y>\\d{2})(?<mo>\\d{2})(?<d>\\d{2})`, wholeOnly: true },
  // RFC 822/1123/2822 and day-month-name-year in the listed languages: "Wed, 31 Dec 2003 10:14:55 EST",
  // "31. Dezember 2003", "1er janvier 2020 à 14h30", "31 de diciembre de 2003"
  {
    body: `${DAY}\\.?[\\s-]*(?:de\\s+|of\\s+)?${MONTH}[\\s,-]*(?:de\\s+)?(?<y>\\d{4})${TIME_AND_ZONE}`,
  },
  { body: `${DAY}\\.?[\\s-]*${MONTH}[\\s-]+(?<y>\\d{2})${TIME_AND_ZONE}`, wholeOnly: true },
  // Month-name-day-year: "Dec 31, 2003 10:14 AM EST", "December 31st 2003"
  { body: `${MONTH}\\s*${DAY},?\\s+(?<y>\\d{4})${TIME_AND_ZONE}` },
  // asctime: "Wed Dec 31 10:14:55 2003"
  { body: `${MONTH}\\s+${DAY}\\s+${TIME}\\s+(?:${ZONE}\\s+)?(?<y>\\d{4})`, wholeOnly: true },
  // 31.12.2003 (day first, always), 31.12.03 when it is the whole value
  { body: `${DAY}\\.\\s?(?<mo>\\d{1,2})\\.\\s?(?<y>\\d{4})(?!\\d)${TIME_AND_ZONE}` },
  { body: `${DAY}\\.(?<mo>\\d{1,2})\\.(?<y>\\d{2})${TIME_AND_ZONE}`, wholeOnly: true },
  // 2003/12/31, 2003.12.31
  { body: `(?<y>\\d{4})[/.](?<mo>\\d{1,2})[/.](?<d>\\d{1,2})(?!\\d)${TIME_AND_ZONE}` },
  // 12/31/2003 or 31/12/2003; 31-12-2003
  { body: `(?<a>\\d{1,2})/(?<b>\\d{1,2})/(?<y>\\d{4})(?!\\d)${TIME_AND_ZONE}`, order: 'slash' },
  { body: `(?<a>\\d{1,2})-(?<b>\\d{1,2})-(?<y>\\d{4})(?!\\d)${TIME_AND_ZONE}`, order: 'dash' },
];

const WHOLE = PATTERNS.map((p) => [p, new RegExp(`^(?:${WEEKDAY}\\s*)?(?:${p.body})\\s*$`, 'iu')] as const);
const IN_TEXT = PATTERNS.filter((p) => !p.wholeOnly).map(
  (p) => [p, new RegExp(`(?<![\\p{L}\\p{N}])(?:${p.body})(?![\\p{N}])`, 'giu')] as const,
);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Offset in minutes of a written zone, null for none, undefined for a zone that is not one.
 * `Etc/GMT+5` follows the POSIX convention of the tz database: five hours west of Greenwich.
 */
export function zoneOffset(raw: string | undefined): number | null | undefined {
  if (raw === undefined || raw.trim() === '') return null;
  const zone = raw
    .trim()
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/^\((.*)\)$/, '$1');
  const etc = /^Etc\/(?:GMT|UTC|UCT|Zulu|Universal|Greenwich)(?:([+-])(\d{1,2}))?$/i.exec(zone);
  if (etc) {
    const hours = Number(etc[2] ?? 0);
    if (hours > 14) return undefined;
    return etc[1] === '+' ? -hours * 60 : hours * 60;
  }
  const numeric = /^(?:GMT|UTC|UT)?\s?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3] ?? 0);
    if (hours > 14 || minutes > 59) return undefined;
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return ZONE_NAMES.get(zone.toUpperCase());
}

function expandYear(raw: string): number {
  const n = Number(raw);
  if (raw.length !== 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

function bounds(options: DateOptions): [number, number] {
  const now = (options.now ?? Date.now)();
  return [options.min ?? DEFAULT_MIN, options.max ?? now + YEAR_MS];
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  offsetMinutes: number | null;
}

/** A ParsedDate from calendar parts, or null when they are not a real date or not plausible. */
export function fromParts(parts: Parts, options: DateOptions = {}): ParsedDate | null {
  const { year, month, day, offsetMinutes } = parts;
  const hour = parts.hour ?? 0;
  const minute = parts.minute ?? 0;
  const second = Math.min(parts.second ?? 0, 59);
  const ms = parts.millisecond ?? 0;
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month) || hour > 23 || minute > 59 || (parts.second ?? 0) > 60) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const epochMs = local - (offsetMinutes ?? 0) * 60_000;
  const [min, max] = bounds(options);
  if (epochMs < min || epochMs > max) return null;
  const off = offsetMinutes ?? 0;
  const zone =
    off === 0
      ? 'Z'
      : `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  const dayText = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return {
    iso: `${dayText}T${pad(hour)}:${pad(minute)}:${pad(second)}.${pad(ms, 3)}${zone}`,
    day: dayText,
    offsetMinutes,
    epochMs,
    hasTime: parts.hour !== undefined,
  };
}

function fromGroups(
  g: Record<string, string | undefined>,
  pattern: Pattern,
  options: DateOptions,
  zoneMustBeUpper: boolean,
): ParsedDate | null {
  if (g['y'] === undefined) return null;
  const year = expandYear(g['y']);
  let month: number;
  let day: number;
  if (g['a'] !== undefined && g['b'] !== undefined) {
    const a = Number(g['a']);
    const b = Number(g['b']);
    const dayFirst = a > 12 || (b <= 12 && (pattern.order === 'dash' || options.dayFirst === true));
    [day, month] = dayFirst ? [a, b] : [b, a];
  } else {
    day = Number(g['d']);
    month = g['mon'] !== undefined ? (MONTHS.get(g['mon'].toLowerCase()) ?? 0) : Number(g['mo']);
  }
  let hour: number | undefined;
  if (g['h'] !== undefined) {
    hour = Number(g['h']);
    const ap = g['ap']?.toLowerCase();
    if (ap !== undefined) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (ap.startsWith('p') ? 12 : 0);
    }
  }
  let zoneText = g['zone'];
  // In running text a lower-case word after a time ("et", "at") is not a zone name.
  if (zoneMustBeUpper && zoneText && /^\(?[a-z]/i.test(zoneText) && zoneText !== zoneText.toUpperCase())
    zoneText = undefined;
  const offsetMinutes = hour === undefined && g['zone'] === undefined ? null : zoneOffset(zoneText);
  if (offsetMinutes === undefined) return null;
  return fromParts(
    {
      year,
      month,
      day,
      ...(hour !== undefined
        ? {
            hour,
            minute: Number(g['mi'] ?? 0),
            second: Number(g['s'] ?? 0),
            millisecond: Number((g['f'] ?? '0').slice(0, 3).padEnd(3, '0')),
          }
        : {}),
      offsetMinutes,
    },
    options,
  );
}

function fromEpoch(value: string, options: DateOptions): ParsedDate | null {
  const ms = value.length === 10 ? Number(value) * 1000 : Number(value);
  const [min, max] = bounds(options);
  if (ms < min || ms > max) return null;
  const d = new Date(ms);
  return fromParts(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      offsetMinutes: 0,
    },
    options,
  );
}

function fromOrdinal(y: string, n: string, options: DateOptions): ParsedDate | null {
  const year = Number(y);
  const dayOfYear = Number(n);
  if (dayOfYear < 1 || dayOfYear > (daysInMonth(year, 2) === 29 ? 366 : 365)) return null;
  const d = new Date(Date.UTC(year, 0, dayOfYear));
  return fromParts({ year, month: d.getUTCMonth() + 1, day: d.getUTCDate(), offsetMinutes: null }, options);
}

/**
 * A whole value (a feed date, a meta or JSON-LD date, a `<time datetime>`) as a date, or null when it
 * is not one, is not a real calendar date ("Sun, Dec x 2012", February 30th), or is outside the
 * plausible range. Reads ISO 8601 (extended, basic, two-digit-year and ordinal forms), RFC 822/1123/2822
 * and asctime, dd.mm.yyyy, yyyy/mm/dd, n/n/yyyy, month names of seven European languages, epoch
 * seconds and milliseconds, and zone names (MET, MEST, Etc/GMT+n, ET/CT/MT/PT, EST/EDT, ...).
 */
export function parseDate(value: string, options: DateOptions = {}): ParsedDate | null {
  const s = value.trim().replace(/\s+/g, ' ');
  if (s.length < 6 || s.length > 100) return null;
  if (/^\d{10}$|^\d{13}$/.test(s)) return fromEpoch(s, options);
  const ordinal = /^(\d{4})-?(\d{3})$/.exec(s);
  if (ordinal) return fromOrdinal(ordinal[1] ?? '', ordinal[2] ?? '', options);
  const yearMonth = /^(\d{4})-(\d{2})$/.exec(s);
  if (yearMonth)
    return fromParts(
      { year: Number(yearMonth[1]), month: Number(yearMonth[2]), day: 1, offsetMinutes: null },
      options,
    );
  for (const [pattern, re] of WHOLE) {
    const m = re.exec(s);
    if (m?.groups) return fromGroups(m.groups, pattern, options, false);
  }
  return null;
}

/** A date found in running text, with where it was found. */
export interface FoundDate {
  date: ParsedDate;
  /** Offset of the match in the text. */
  index: number;
  /** The matched text. */
  match: string;
}

/**
 * Every date stated in running text ("Published 3. März 2021, 14:30 Uhr", "Updated Dec 1st, 2018 at
 * 12:30 PM EST", "31/12/2020"), in text order. Forms too loose for text (two-digit years, bare
 * yyyymmdd) are only read by parseDate.
 */
export function findDatesInText(text: string, options: DateOptions = {}): FoundDate[] {
  const found: FoundDate[] = [];
  for (const [pattern, re] of IN_TEXT) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      if (!m.groups || found.some((f) => m.index >= f.index && m.index < f.index + f.match.length)) continue;
      const date = fromGroups(m.groups, pattern, options, true);
      if (date) found.push({ date, index: m.index, match: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first date stated in running text, or null. */
export function findDateInText(text: string, options: DateOptions = {}): ParsedDate | null {
  return findDatesInText(text, options)[0]?.date ?? null;
}

/**
 * A date in a URL's path: /2019/11/19/, /2019-11-19-, /20191119/, /2019/11/ (the 1st of the month
 * is not assumed: a path with only year and month gives null).
 */
export function dateFromUrl(url: string, options: DateOptions = {}): ParsedDate | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /(?:^|\/|\D)((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=\/|-|_|\.|$)/.exec(path) ??
    /(?:^|\/|\D)((?:19|20)\d{2})(\d{2})(\d{2})(?=\/|-|_|\.|$)/.exec(path);
  if (m === null) return null;
  return fromParts(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), offsetMinutes: null },
    options,
  );
}

/**
 * `parseDate(value)`, else the first date in it as text: the one entry point for a metadata value
 * that should hold a date. Returns the ISO form (offset as stated) or null.
 */
export function toIsoDate(value: string | null | undefined, options: DateOptions = {}): string | null {
  if (!value) return null;
  return (parseDate(value, options) ?? findDateInText(value, options))?.iso ?? null;
}

/** Compare two ISO dates by instant (for sorting dates written with different offsets). */
export function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}
