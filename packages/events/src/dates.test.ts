import { describe, expect, it } from 'vitest';
import { findDates } from './dates.js';
import { tokenize } from './tokenize.js';

// Friday 31 October 2025.
const published = new Date('2025-10-31T12:00:00Z');
const resolve = (text: string): string[] =>
  findDates(tokenize(text), published).map((d) => `${d.date}/${d.precision}`);

describe('findDates', () => {
  it('resolves weekdays to the latest such day on or before publication', () => {
    expect(resolve('The plane arrived on Sunday.')).toEqual(['2025-10-26/day']);
    expect(resolve('He spoke Friday.')).toEqual(['2025-10-31/day']);
    expect(resolve('They met last Friday.')).toEqual(['2025-10-24/day']);
  });

  it('resolves yesterday, today, days ago, last week and this month', () => {
    expect(resolve('yesterday')).toEqual(['2025-10-30/day']);
    expect(resolve('today')).toEqual(['2025-10-31/day']);
    expect(resolve('three days ago 3 days ago')).toEqual(['2025-10-28/day']);
    expect(resolve('last week')).toEqual(['2025-10-24/week']);
    expect(resolve('this month')).toEqual(['2025-10-31/month']);
    expect(resolve('last month')).toEqual(['2025-09-01/month']);
  });

  it('reads explicit dates and infers a missing year', () => {
    expect(resolve('On Oct. 5, 2024 they met.')).toEqual(['2024-10-05/day']);
    expect(resolve('on 12 March the army left')).toEqual(['2025-03-12/day']);
    expect(resolve('on December 20 they met')).toEqual(['2024-12-20/day']);
    expect(resolve('sanctioned in 2023')).toEqual(['2023-01-01/year']);
    expect(resolve('2025-09-30')).toEqual(['2025-09-30/day']);
  });

  it('does not take the modal "may" for a month', () => {
    expect(resolve('They may attack 5 villages.')).toEqual([]);
  });
});
