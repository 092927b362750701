const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?$/i;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function validYmd(y: number, mo: number, d: number): boolean {
  return y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/** ISO-8601 with timezone from parts; a missing zone is taken as UTC. */
function fromParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, zone = 'Z'): string | null {
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 60) return null;
  const iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${zone}`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString();
}

/**
 * Normalises a date string from metadata to ISO-8601 in UTC ("2019-11-19T12:03:00.000Z").
 * Accepts ISO forms (zone optional, UTC assumed), RFC 2822 and "Nov 19, 2019"-like text.
 */
export function normalizeDate(input: string): string | null {
  const s = input.trim();
  if (s.length < 6 || s.length > 80) return null;
  const m = ISO_LIKE.exec(s);
  if (m !== null) {
    let zone = m[8] ?? 'Z';
    if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
    else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    if (zone.toLowerCase() === 'z') zone = 'Z';
    return fromParts(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      zone,
    );
  }
  if (/^\d{10}$/.test(s) || /^\d{13}$/.test(s)) {
    const ms = s.length === 10 ? Number(s) * 1000 : Number(s);
    const d = new Date(ms);
    const y = d.getUTCFullYear();
    return y >= 1990 && y <= 2100 ? d.toISOString() : null;
  }
  const text = parseTextDate(s);
  if (text !== null) return text;
  // RFC 2822 and other forms with an explicit zone that Date understands.
  if (/(?:GMT|UTC|[+-]\d{4}|\b[ECMP][SD]T)\b/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) {
      const d = new Date(t);
      const y = d.getUTCFullYear();
      if (y >= 1990 && y <= 2100) return d.toISOString();
    }
  }
  return null;
}

const TEXT_DATE_MDY =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\D{1,5}(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?)?/i;
const TEXT_DATE_DMY =
  /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})(?:\D{1,5}(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?)?/i;

function hour12(h: number, ampm: string | undefined): number {
  if (ampm === undefined) return h;
  const pm = ampm.toLowerCase().startsWith('p');
  if (pm && h < 12) return h + 12;
  if (!pm && h === 12) return 0;
  return h;
}

/** Finds an English month-name date ("Nov. 19, 2019", "19 November 2019 10:30") in text. */
export function parseTextDate(s: string): string | null {
  let m = TEXT_DATE_MDY.exec(s);
  if (m !== null) {
    const mo = MONTHS[(m[1] ?? '').toLowerCase()] ?? 0;
    const h = m[4] !== undefined ? hour12(Number(m[4]), m[6]) : 0;
    return fromParts(Number(m[3]), mo, Number(m[2]), h, Number(m[5] ?? 0));
  }
  m = TEXT_DATE_DMY.exec(s);
  if (m !== null) {
    const mo = MONTHS[(m[2] ?? '').toLowerCase()] ?? 0;
    const h = m[4] !== undefined ? hour12(Number(m[4]), m[6]) : 0;
    return fromParts(Number(m[3]), mo, Number(m[1]), h, Number(m[5] ?? 0));
  }
  return null;
}

/** Date in a URL path: /2019/11/19/, /2019-11-19-, /20191119/. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /(?:^|\/|\D)((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|_|\.|$)/.exec(path) ??
    /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:\/|-|_|\.)/.exec(path);
  if (m === null) return null;
  return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}
