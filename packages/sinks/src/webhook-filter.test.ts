import { describe, expect, it } from 'vitest';
import {
  RECORD_SCHEMA_ID,
  RECORD_SCHEMA_URL,
  StoryEventSchema,
  type StoryEvent,
  type StoryRecord,
} from '@wirehose/schemas';
import { matchesFilter } from './webhook-filter.js';

function event(type: StoryEvent['type'], from: string, to: string): StoryEvent {
  const actor = (country: string) => ({ code: `${country}GOV`, country, sector: 'GOV', text: country });
  return StoryEventSchema.parse({
    id: `${type}-${from}-${to}`,
    type,
    mode: null,
    cameo: { code: '020', root: '02', goldstein: -3 },
    source: actor(from),
    targets: [actor(to)],
    date: '2026-11-24',
    dateBasis: 'published',
    location: null,
    locationCountry: null,
    polarity: 'asserted',
    speaker: null,
    evidence: { sentence: 's', start: 0, end: 1, field: 'text', articleId: 'a', otherSentences: [] },
    confidence: 1,
    mentions: { sentences: 1, copies: 1, outlets: 1 },
  });
}

function record(events: StoryEvent[], outlets: string[], original = outlets[0] ?? 'X'): StoryRecord {
  return {
    $schema: RECORD_SCHEMA_URL,
    schema: RECORD_SCHEMA_ID,
    id: 'r',
    version: 1,
    contentHash: 'h',
    publishedAt: '2026-11-24T10:00:00.000Z',
    status: 'active',
    mergedInto: null,
    story: {
      title: 't',
      text: 't',
      url: 'https://x.example/',
      language: 'en',
      firstPublishedAt: null,
      bestCopyId: 'a',
      original: { source: original, basis: 'attribution', articleId: null },
      attributionChain: [],
      copyCount: 1,
      outlets,
      mergedFrom: [],
    },
    copies: [],
    events,
  };
}

describe('webhook filters', () => {
  const venRequest = record([event('REQUEST', 'VEN', 'RUS')], ['UNN'], 'The Washington Post');

  it('passes everything without a filter', () => {
    expect(matchesFilter(venRequest, undefined)).toBe(true);
    expect(matchesFilter(record([], []), {})).toBe(true);
  });

  it('needs one match in every list given, ignoring case', () => {
    expect(matchesFilter(venRequest, { eventTypes: ['request', 'AID'], countries: ['rus'] })).toBe(true);
    expect(matchesFilter(venRequest, { eventTypes: ['REQUEST'], countries: ['USA'] })).toBe(false);
    expect(matchesFilter(venRequest, { eventTypes: ['ASSAULT'] })).toBe(false);
    expect(matchesFilter(record([], ['UNN']), { eventTypes: ['REQUEST'] })).toBe(false);
  });

  it('matches sources against the outlets and the original source', () => {
    expect(matchesFilter(venRequest, { sources: ['unn'] })).toBe(true);
    expect(matchesFilter(venRequest, { sources: ['The Washington Post'] })).toBe(true);
    expect(matchesFilter(venRequest, { sources: ['Harbor Times'] })).toBe(false);
  });
});
