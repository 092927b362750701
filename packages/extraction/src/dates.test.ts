import { describe, expect, it } from 'vitest';
import { dateFromUrl, normalizeDate, parseTextDate } from './dates.js';

describe('normalizeDate', () => {
  it('keeps the instant of ISO dates with a zone and writes them in UTC', () => {
    expect(normalizeDate('2019-11-19T07:03:00-05:00')).toBe('2019-11-19T12:03:00.000Z');
    expect(normalizeDate('2019-11-19T07:03:00.123+0530')).toBe('2019-11-19T01:33:00.000Z');
    expect(normalizeDate('2019-11-19T07:03Z')).toBe('2019-11-19T07:03:00.000Z');
  });

  it('reads dates without a zone as UTC', () => {
    expect(normalizeDate('2019-11-19')).toBe('2019-11-19T00:00:00.000Z');
    expect(normalizeDate('2019-11-19 10:30:00')).toBe('2019-11-19T10:30:00.000Z');
  });

  it('reads RFC 2822, month-name dates and epoch seconds', () => {
    expect(normalizeDate('Tue, 19 Nov 2019 10:00:00 GMT')).toBe('2019-11-19T10:00:00.000Z');
    expect(normalizeDate('Nov. 19, 2019')).toBe('2019-11-19T00:00:00.000Z');
    expect(normalizeDate('1574157600')).toBe('2019-11-19T10:00:00.000Z');
  });

  it('rejects impossible or implausible dates', () => {
    expect(normalizeDate('2019-13-45')).toBeNull();
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate('1066-10-14')).toBeNull();
  });
});

describe('parseTextDate', () => {
  it('finds day-month-year and month-day-year dates with a 12-hour time', () => {
    expect(parseTextDate('Posted 5 March 2020, 9:05 am')).toBe('2020-03-05T09:05:00.000Z');
    expect(parseTextDate('Updated on December 1st, 2018 at 12:30 PM')).toBe('2018-12-01T12:30:00.000Z');
  });
});

describe('dateFromUrl', () => {
  it('finds /yyyy/mm/dd/ and yyyymmdd paths', () => {
    expect(dateFromUrl('https://x.example/2019/11/19/story')).toBe('2019-11-19T00:00:00.000Z');
    expect(dateFromUrl('https://x.example/news/20191119/story.html')).toBe('2019-11-19T00:00:00.000Z');
    expect(dateFromUrl('https://x.example/story-123456')).toBeNull();
    expect(dateFromUrl('not a url')).toBeNull();
  });
});
