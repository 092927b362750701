import { describe, expect, it } from 'vitest';
import type { CodedEvent } from '@wirehose/events';
import { collapseEvents } from './collapse.js';

function coded(sentence: string, confidence: number, targets = ['RUS', 'CHN']): CodedEvent {
  return {
    id: `e-${sentence.length}-${confidence}`,
    type: 'REQUEST',
    mode: null,
    cameo: { code: '023', root: '02', goldstein: -3 },
    source: { code: 'VENGOV', country: 'VEN', sector: 'GOV', text: 'Maduro' },
    targets: targets.map((c) => ({ code: c, country: c, sector: null, text: c })),
    date: '2025-11-01',
    dateBasis: 'published',
    location: null,
    polarity: 'asserted',
    speaker: null,
    evidence: { sentence, start: 0, end: sentence.length },
    confidence,
  };
}

describe('collapseEvents', () => {
  it('reports an event stated in several sentences once, keeping every sentence for mention counting', () => {
    const events = collapseEvents(
      [
        coded('Maduro asked Moscow and Beijing for help.', 0.7),
        coded('Maduro appealed to Russia and China for arms.', 0.9),
      ],
      'art-1',
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.evidence).toMatchObject({
      sentence: 'Maduro appealed to Russia and China for arms.',
      articleId: 'art-1',
      field: 'text',
      otherSentences: ['Maduro asked Moscow and Beijing for help.'],
    });
    expect(events[0]?.mentions.sentences).toBe(2);
  });

  it('keeps events with other targets apart, whatever the order of the targets', () => {
    const events = collapseEvents(
      [coded('a', 0.5, ['RUS', 'CHN']), coded('b', 0.5, ['CHN', 'RUS']), coded('c', 0.5, ['IRN'])],
      'art-1',
    );
    expect(events.map((e) => e.targets.map((t) => t.code).join(','))).toEqual(['RUS,CHN', 'IRN']);
  });

  it('carries the location and its country from the most confident sentence', () => {
    const vague = coded('Maduro asked for help.', 0.4);
    const placed = {
      ...coded('In Caracas, Maduro asked Russia and China for arms.', 0.9),
      location: 'Caracas',
      locationCountry: 'VEN',
    };
    const [event] = collapseEvents([vague, placed], 'art-1');
    expect([event?.location, event?.locationCountry]).toEqual(['Caracas', 'VEN']);
    const [unplaced] = collapseEvents([vague], 'art-2');
    expect([unplaced?.location, unplaced?.locationCountry]).toEqual([null, null]);
  });
});
