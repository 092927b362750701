import { describe, expect, it } from 'vitest';
import { dateFromUrl, normalizeDate, parseTextDate } from './dates.js';

describe('extraction date readers', () => {
  it('keep the offset a page states, so the day stays the page day', () => {
    expect(normalizeDate('2022-06-30T22:45:00-04:00')).toBe('2022-06-30T22:45:00.000-04:00');
    expect(normalizeDate('Published 30 June 2022')).toBe('2022-06-30T00:00:00.000Z');
  });

  it('find a date in text in the listed languages and in the URL path', () => {
    expect(parseTextDate('Stand: 30.06.2022, 18:05 Uhr')).toBe('2022-06-30T18:05:00.000Z');
    expect(parseTextDate('publié le 30 juin 2022')).toBe('2022-06-30T00:00:00.000Z');
    expect(dateFromUrl('https://n.example/2022/06/30/story')).toBe('2022-06-30T00:00:00.000Z');
    expect(parseTextDate('no date here')).toBeNull();
  });
});
