import { describe, expect, it } from 'vitest';
import { chooseDates, type DateCandidate } from './choose-dates.js';

const NOW = () => Date.UTC(2026, 11, 2);
const choose = (candidates: DateCandidate[]) => chooseDates(candidates, { now: NOW });

describe('chooseDates', () => {
  it('takes the published date of the most trusted source and keeps its offset', () => {
    const chosen = choose([
      { value: 'Posted 4 May 2024', kind: 'unknown', source: 'text' },
      { value: '2024-05-05T00:30:00+02:00', kind: 'published', source: 'meta' },
      { value: '2024-05-05T07:00:00+09:00', kind: 'published', source: 'json-ld' },
    ]);
    expect(chosen.published?.iso).toBe('2024-05-05T07:00:00.000+09:00');
    expect(chosen.published?.day).toBe('2024-05-05');
    expect([chosen.publishedSource, chosen.publishedKind]).toEqual(['json-ld', 'published']);
  });

  it('never takes a modified or created date as published when a published date exists', () => {
    const chosen = choose([
      { value: '2024-05-01T09:00:00Z', kind: 'created', source: 'json-ld' },
      { value: '2024-05-09T09:00:00Z', kind: 'modified', source: 'json-ld' },
      { value: '2024-05-03T09:00:00Z', kind: 'published', source: 'meta' },
    ]);
    expect(chosen.published?.day).toBe('2024-05-03');
    expect(chosen.modified?.day).toBe('2024-05-09');
    expect(chosen.created?.day).toBe('2024-05-01');
  });

  it("ignores a related article's date", () => {
    const chosen = choose([
      { value: '2023-01-10', kind: 'published', source: 'time', related: true },
      { value: 'Published: 12.05.2024', kind: 'unknown', source: 'text' },
    ]);
    expect([chosen.published?.day, chosen.publishedSource]).toEqual(['2024-05-12', 'text']);
  });

  it('prefers the published candidate that agrees with the date in the URL', () => {
    const chosen = choose([
      { value: '2022-02-01T10:00:00Z', kind: 'published', source: 'json-ld' },
      { value: '2024-05-06T10:00:00+01:00', kind: 'published', source: 'time' },
      { value: 'https://n.example/2024/05/06/harbour', kind: 'unknown', source: 'url' },
    ]);
    expect([chosen.published?.day, chosen.publishedSource]).toEqual(['2024-05-06', 'time']);
  });

  it('falls back to created, then an unlabelled date, then modified', () => {
    expect(
      choose([
        { value: '2024-05-02', kind: 'created', source: 'meta' },
        { value: 'https://n.example/2024/05/06/x', kind: 'unknown', source: 'url' },
      ]).publishedKind,
    ).toBe('created');
    const fromUrl = choose([{ value: 'https://n.example/2024/05/06/x', kind: 'unknown', source: 'url' }]);
    expect([fromUrl.published?.day, fromUrl.publishedSource]).toEqual(['2024-05-06', 'url']);
    const onlyModified = choose([{ value: '2024-05-09', kind: 'modified', source: 'meta' }]);
    expect([onlyModified.published?.day, onlyModified.publishedKind]).toEqual(['2024-05-09', 'modified']);
  });

  it('drops a modified date earlier than the published one, and unreadable or implausible values', () => {
    const chosen = choose([
      { value: '2024-05-03', kind: 'published', source: 'meta' },
      { value: '2024-05-01', kind: 'modified', source: 'meta' },
      { value: 'Sun, Dec x 2012', kind: 'published', source: 'json-ld' },
      { value: '2091-01-01', kind: 'published', source: 'json-ld' },
    ]);
    expect([chosen.published?.day, chosen.publishedSource, chosen.modified]).toEqual([
      '2024-05-03',
      'meta',
      null,
    ]);
  });

  it('gives nothing for no candidates', () => {
    expect(choose([])).toEqual({
      published: null,
      publishedSource: null,
      publishedKind: null,
      modified: null,
      created: null,
    });
  });
});
