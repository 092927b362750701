import { describe, expect, it } from 'vitest';
import {
  compareInstants,
  dateFromUrl,
  findDateInText,
  findDatesInText,
  parseDate,
  toIsoDate,
  zoneOffset,
} from './parse-date.js';

const NOW = () => Date.UTC(2026, 11, 2);
const iso = (value: string): string | null => parseDate(value, { now: NOW })?.iso ?? null;

describe('parseDate: ISO 8601', () => {
  it('keeps the offset as written instead of converting the day to UTC', () => {
    expect(iso('2024-03-05T23:30:00-05:00')).toBe('2024-03-05T23:30:00.000-05:00');
    expect(iso('2024-03-06T00:15:00+0530')).toBe('2024-03-06T00:15:00.000+05:30');
    expect(iso('2024-03-06T00:15+01')).toBe('2024-03-06T00:15:00.000+01:00');
    expect(parseDate('2024-03-05T23:30:00-05:00')?.day).toBe('2024-03-05');
  });

  it('writes a UTC date with Z and keeps up to milliseconds', () => {
    expect(iso('2024-03-05T07:08:09.123456Z')).toBe('2024-03-05T07:08:09.123Z');
    expect(iso('2024-03-05 07:08:09+00:00')).toBe('2024-03-05T07:08:09.000Z');
  });

  it('reads a date without a zone as stated, never in the process time zone', () => {
    const d = parseDate('2024-03-05 22:10:00');
    expect(d?.iso).toBe('2024-03-05T22:10:00.000Z');
    expect(d?.offsetMinutes).toBeNull();
    expect(iso('2024-03-05')).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('2024-03-05')?.hasTime).toBe(false);
  });

  it('reads two-digit-year ISO forms in the 2000s', () => {
    expect(iso('031231')).toBe('2003-12-31T00:00:00.000Z');
    expect(iso('03-12-31')).toBe('2003-12-31T00:00:00.000Z');
    expect(iso('03-12-31T08:15:00Z')).toBe('2003-12-31T08:15:00.000Z');
  });

  it('reads basic, ordinal and year-month forms', () => {
    expect(iso('20031231')).toBe('2003-12-31T00:00:00.000Z');
    expect(iso('20031231T081500Z')).toBe('2003-12-31T08:15:00.000Z');
    expect(iso('2003-335')).toBe('2003-12-01T00:00:00.000Z');
    expect(iso('2004-366')).toBe('2004-12-31T00:00:00.000Z');
    expect(iso('2003-366')).toBeNull();
    expect(iso('2003-12')).toBe('2003-12-01T00:00:00.000Z');
  });

  it('reads epoch seconds and milliseconds as UTC instants', () => {
    expect(iso('1709600000')).toBe('2024-03-05T00:53:20.000Z');
    expect(iso('1709600000123')).toBe('2024-03-05T00:53:20.123Z');
  });
});

describe('parseDate: RFC 822 and zone names', () => {
  it('reads RFC 1123 with GMT and a numeric offset with a comment', () => {
    expect(iso('Tue, 05 Mar 2024 09:00:00 GMT')).toBe('2024-03-05T09:00:00.000Z');
    expect(iso('Tue, 5 Mar 2024 09:00:00 -0800 (PST)')).toBe('2024-03-05T09:00:00.000-08:00');
    expect(iso('5 Mar 24 09:00 +0100')).toBe('2024-03-05T09:00:00.000+01:00');
  });

  it('reads obsolete and North American zone names', () => {
    expect(iso('Tue, 05 Mar 2024 09:00:00 MET')).toBe('2024-03-05T09:00:00.000+01:00');
    expect(iso('Sun, 07 Jul 2024 09:00:00 MEST')).toBe('2024-07-07T09:00:00.000+02:00');
    expect(iso('Tue, 05 Mar 2024 09:00:00 EST')).toBe('2024-03-05T09:00:00.000-05:00');
    expect(iso('Sun, 07 Jul 2024 09:00:00 EDT')).toBe('2024-07-07T09:00:00.000-04:00');
    expect(iso('Tue, 05 Mar 2024 09:00:00 PT')).toBe('2024-03-05T09:00:00.000-08:00');
    expect(iso('Tue, 05 Mar 2024 09:00:00 CT')).toBe('2024-03-05T09:00:00.000-06:00');
    expect(iso('Tue, 05 Mar 2024 09:00:00 ET')).toBe('2024-03-05T09:00:00.000-05:00');
    expect(iso('Tue, 05 Mar 2024 09:00:00 MT')).toBe('2024-03-05T09:00:00.000-07:00');
  });

  it('reads Etc/GMT zones with the tz database sign (Etc/GMT+5 is five hours west)', () => {
    expect(iso('Tue, 05 Mar 2024 09:00:00 Etc/GMT')).toBe('2024-03-05T09:00:00.000Z');
    expect(iso('Tue, 05 Mar 2024 09:00:00 Etc/GMT+5')).toBe('2024-03-05T09:00:00.000-05:00');
    expect(iso('Tue, 05 Mar 2024 09:00:00 Etc/GMT-3')).toBe('2024-03-05T09:00:00.000+03:00');
    expect(zoneOffset('GMT+02:00')).toBe(120);
    expect(zoneOffset('Mars/Olympus')).toBeUndefined();
  });

  it('rejects a date with an unknown zone rather than guessing one', () => {
    expect(iso('Tue, 05 Mar 2024 09:00:00 QQQ')).toBeNull();
  });

  it('reads asctime', () => {
    expect(iso('Tue Mar  5 09:00:00 2024')).toBe('2024-03-05T09:00:00.000Z');
  });
});

describe('parseDate: month names and numeric forms', () => {
  it('reads month names of seven languages', () => {
    expect(iso('March 5, 2024')).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('5. März 2024')).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('Dienstag, 5. März 2024, 14:30 Uhr')).toBe('2024-03-05T14:30:00.000Z');
    expect(iso('1er février 2024 à 8h05')).toBe('2024-02-01T08:05:00.000Z');
    expect(iso('5 de marzo de 2024')).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('5 marzo 2024')).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('5 de março de 2024')).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('5 maart 2024')).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('17 décembre 2023')).toBe('2023-12-17T00:00:00.000Z');
  });

  it('reads 12-hour times with a zone', () => {
    expect(iso('Dec 1st, 2023 at 12:30 PM EST')).toBe('2023-12-01T12:30:00.000-05:00');
    expect(iso('Dec 1, 2023 12:05 a.m.')).toBe('2023-12-01T00:05:00.000Z');
    expect(iso('Dec 1, 2023 13:05 pm')).toBeNull();
  });

  it('reads dd.mm.yyyy day first, yyyy/mm/dd and n/n/yyyy by what the numbers allow', () => {
    expect(iso('05.03.2024')).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('05.03.24')).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('2024/03/05')).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('25/03/2024')).toBe('2024-03-25T00:00:00.000Z');
    expect(iso('03/25/2024')).toBe('2024-03-25T00:00:00.000Z');
    expect(iso('03/05/2024')).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('03/05/2024', { now: NOW, dayFirst: true })?.day).toBe('2024-05-03');
    expect(iso('05-03-2024')).toBe('2024-03-05T00:00:00.000Z');
  });

  it('rejects what is not a real date', () => {
    expect(iso('Sun, Dec x 2012')).toBeNull();
    expect(iso('2023-02-29')).toBeNull();
    expect(iso('2024-02-30')).toBeNull();
    expect(iso('2024-13-01')).toBeNull();
    expect(iso('2024-03-05T24:10:00Z')).toBeNull();
    expect(iso('yesterday')).toBeNull();
    expect(iso('')).toBeNull();
  });

  it('rejects dates outside the plausible range', () => {
    expect(iso('1066-10-14')).toBeNull();
    expect(iso('2099-01-01')).toBeNull();
    expect(parseDate('2099-01-01', { max: Date.UTC(2100, 0, 1) })?.day).toBe('2099-01-01');
  });
});

describe('findDatesInText', () => {
  it('finds dates in running text, in text order', () => {
    const found = findDatesInText(
      'Veröffentlicht am 3. März 2021, 14:30 Uhr. Aktualisiert am 04.03.2021. Next: 2021-03-09.',
      { now: NOW },
    );
    expect(found.map((f) => f.date.iso)).toEqual([
      '2021-03-03T14:30:00.000Z',
      '2021-03-04T00:00:00.000Z',
      '2021-03-09T00:00:00.000Z',
    ]);
  });

  it('does not read a lower-case word after a time as a zone', () => {
    expect(findDateInText('le 3 mars 2021 à 10h00 et la suite', { now: NOW })?.iso).toBe(
      '2021-03-03T10:00:00.000Z',
    );
  });

  it('leaves numbers that are not dates alone', () => {
    expect(findDateInText('Order 20210303 shipped; 12345678 units; Mayor 12, 2020', { now: NOW })).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it('finds /yyyy/mm/dd/, yyyy-mm-dd and yyyymmdd in the path', () => {
    expect(dateFromUrl('https://n.example/2024/03/05/story')?.day).toBe('2024-03-05');
    expect(dateFromUrl('https://n.example/news/2024-03-05-story.html')?.day).toBe('2024-03-05');
    expect(dateFromUrl('https://n.example/a/20240305/story')?.day).toBe('2024-03-05');
    expect(dateFromUrl('https://n.example/2024/03/story')).toBeNull();
    expect(dateFromUrl('https://n.example/story-20241399')).toBeNull();
    expect(dateFromUrl('not a url')).toBeNull();
  });
});

describe('toIsoDate and compareInstants', () => {
  it('reads a whole value, else the first date inside it', () => {
    expect(toIsoDate('Published: March 5, 2024', { now: NOW })).toBe('2024-03-05T00:00:00.000Z');
    expect(toIsoDate(null)).toBeNull();
  });

  it('orders dates with different offsets by instant', () => {
    const dates = ['2024-03-05T23:30:00.000-05:00', '2024-03-06T01:00:00.000Z'];
    expect([...dates].sort()).toEqual(dates);
    expect([...dates].sort(compareInstants)).toEqual([dates[1], dates[0]]);
  });
});
