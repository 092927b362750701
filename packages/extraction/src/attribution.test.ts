import { describe, expect, it } from 'vitest';
import { findAttribution } from './attribution.js';

describe('findAttribution', () => {
  it('lists the original outlet before the one relaying it', () => {
    expect(
      findAttribution(['Text.', 'This is reported by The Washington Post, according to UNN.'])?.outlets,
    ).toEqual(['The Washington Post', 'UNN']);
    expect(findAttribution(['Kyiv Post said so, citing Reuters.'])?.outlets).toEqual(['Reuters']);
  });

  it('recognises "X reported" and "according to X" credits', () => {
    expect(
      findAttribution(['The deal was signed on Monday, The Wall Street Journal reported.'])?.outlets,
    ).toEqual(['The Wall Street Journal']);
    expect(findAttribution(['Prices rose sharply, according to Bloomberg.'])?.outlets).toEqual(['Bloomberg']);
  });

  it('takes the outlet, not the journalist, from "Name of the Outlet"', () => {
    expect(findAttribution(['Jane Smith of the Chicago Tribune reported the figures.'])?.outlets).toEqual([
      'Chicago Tribune',
    ]);
  });

  it('ignores credits to people and offices', () => {
    expect(findAttribution(['According to John Smith, the bridge will reopen.'])).toBeNull();
    expect(findAttribution(['The mayor reported a surplus, according to officials.'])).toBeNull();
  });
});
