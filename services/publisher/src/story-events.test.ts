import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@wirehose/schemas';
import { loadStoryEvents } from './story-events.js';

function event(type: StoryEvent['type'], targets: string[], sentences = 1): StoryEvent {
  return {
    id: `${type}-${targets.join('')}-${sentences}`,
    type,
    mode: null,
    cameo: { code: '020', root: '02', goldstein: -3 },
    source: { code: 'VENGOV', country: 'VEN', sector: 'GOV', text: 'Maduro' },
    targets: targets.map((c) => ({ code: c, country: c, sector: null, text: c })),
    date: '2025-11-01',
    dateBasis: 'published',
    location: null,
    locationCountry: null,
    polarity: 'asserted',
    speaker: null,
    evidence: { sentence: 's', start: 0, end: 1, field: 'text', articleId: 'a', otherSentences: [] },
    confidence: 0.9,
    mentions: { sentences, copies: 1, outlets: 1 },
  };
}

describe('loadStoryEvents', () => {
  it('unites the events coded under merged story ids, each event once', async () => {
    const stored: Record<string, StoryEvent[]> = {
      keep: [event('REQUEST', ['RUS', 'CHN'])],
      old: [event('REQUEST', ['CHN', 'RUS'], 3), event('ACCUSE', ['USA'])],
    };
    const events = await loadStoryEvents(async (id) => stored[id] ?? null, {
      storyId: 'keep',
      mergedFrom: ['old', 'gone'],
    });
    expect(events.map((e) => e.type).sort()).toEqual(['ACCUSE', 'REQUEST']);
    expect(events.find((e) => e.type === 'REQUEST')?.mentions.sentences).toBe(3);
  });

  it('returns nothing for a story with no coded events', async () => {
    expect(await loadStoryEvents(async () => null, { storyId: 'x', mergedFrom: [] })).toEqual([]);
  });
});
