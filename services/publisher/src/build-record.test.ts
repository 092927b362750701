import { describe, expect, it } from 'vitest';
import type { StoryState } from '@wirehose/dedup';
import { StoryRecordSchema, type Article, type StoryEvent } from '@wirehose/schemas';
import { buildRecordContent, finishRecord, hashContent } from './build-record.js';
import { mentionsSentence } from './mentions.js';
import { supersededRecord } from './supersede.js';

const LEAD = 'The mayor asked the regional government for money to repair the flooded bridge.';
const REWORDED = 'The city has appealed to the region for funds to fix the bridge damaged by floods.';

function article(id: string, source: string, text: string, publishedAt: string): Article {
  return {
    articleId: id,
    url: `https://${source}.example/${id}`,
    canonicalUrl: `https://${source}.example/${id}`,
    source,
    sourceName: null,
    fetchedAt: '2025-11-01T10:00:00.000Z',
    title: `Title ${id}`,
    subtitle: null,
    text,
    authors: [],
    publishedAt,
    modifiedAt: null,
    language: 'en',
    siteName: source,
    image: null,
    section: null,
    tags: [],
    wordCount: text.split(' ').length,
    isPaywalled: false,
    isTruncated: false,
    attribution: null,
  };
}

function event(sentence: string, otherSentences: string[] = []): StoryEvent {
  return {
    id: `e-${sentence.length}`,
    type: 'REQUEST',
    mode: null,
    cameo: { code: '020', root: '02', goldstein: -3 },
    source: { code: 'USAGOV', country: 'USA', sector: 'GOV', text: 'The mayor' },
    targets: [],
    date: '2025-11-01',
    dateBasis: 'published',
    location: null,
    locationCountry: null,
    polarity: 'asserted',
    speaker: null,
    evidence: { sentence, start: 0, end: sentence.length, field: 'text', articleId: 'a', otherSentences },
    confidence: 0.8,
    mentions: { sentences: 1 + otherSentences.length, copies: 1, outlets: 1 },
  };
}

const story: StoryState = {
  storyId: 'story-1',
  copies: [
    {
      articleId: 'a',
      source: 'one',
      publishedAt: null,
      matchedBy: 'first',
      similarity: 1,
    },
    {
      articleId: 'b',
      source: 'two',
      publishedAt: null,
      matchedBy: 'near',
      similarity: 0.8734,
    },
    {
      articleId: 'gone',
      source: 'three',
      publishedAt: null,
      matchedBy: 'hash',
      similarity: 1,
    },
  ],
  bestCopyId: 'a',
  original: { source: 'one', basis: 'earliest', articleId: 'a' },
  attributionChain: [],
  mergedFrom: [],
};

const articles = new Map([
  ['a', article('a', 'one', `${REWORDED} ${LEAD} Work starts in May.`, '2025-11-01T09:00:00Z')],
  ['b', article('b', 'two', `${LEAD} Residents welcomed the plan.`, '2025-11-01T08:00:00Z')],
]);

describe('buildRecordContent', () => {
  it('lists the copies still stored, the outlets and the earliest date, from the best copy', () => {
    const content = buildRecordContent(story, articles, []);
    expect(content.copies.map((c) => [c.articleId, c.matchedBy, c.similarity])).toEqual([
      ['a', 'first', 1],
      ['b', 'near', 0.873],
    ]);
    expect(content.story).toMatchObject({
      copyCount: 2,
      outlets: ['one', 'two'],
      firstPublishedAt: '2025-11-01T08:00:00Z',
      bestCopyId: 'a',
    });
  });

  it('counts a copy as mentioning an event when it states any sentence that carries it', () => {
    const [only] = buildRecordContent(story, articles, [event(REWORDED, [LEAD])]).events;
    expect(only?.mentions).toEqual({ sentences: 2, copies: 2, outlets: 2 });
    const [narrow] = buildRecordContent(story, articles, [event(REWORDED)]).events;
    expect(narrow?.mentions.copies).toBe(1);
  });

  it('keeps, of one event coded twice, the version whose evidence more copies state', () => {
    const events = buildRecordContent(story, articles, [event(REWORDED), event(LEAD)]).events;
    expect(events).toHaveLength(1);
    expect(events[0]?.evidence.sentence).toBe(LEAD);
  });

  it('fails clearly when the best copy has expired', () => {
    expect(() => buildRecordContent({ ...story, bestCopyId: 'gone' }, articles, [])).toThrow(
      'best copy gone of story story-1 is not in the store',
    );
  });
});

describe('records', () => {
  it('hash the same content the same way, whatever the version', () => {
    const content = buildRecordContent(story, articles, []);
    const v1 = finishRecord(content, 1, new Date('2025-11-01T10:00:00Z'));
    const v2 = finishRecord(content, 2, new Date('2025-11-02T10:00:00Z'));
    expect(v1.contentHash).toBe(v2.contentHash);
    expect(v1.contentHash).toBe(hashContent(content));
  });

  it('retire a merged-away story one version up, pointing at the survivor', () => {
    const v3 = finishRecord(buildRecordContent(story, articles, []), 3, new Date('2025-11-01T10:00:00Z'));
    const retired = supersededRecord(v3, 'story-0', new Date('2025-11-03T10:00:00Z'));
    expect(StoryRecordSchema.parse(retired)).toMatchObject({
      id: 'story-1',
      version: 4,
      status: 'merged',
      mergedInto: 'story-0',
    });
    expect(retired.contentHash).not.toBe(v3.contentHash);
  });
});

describe('mentionsSentence', () => {
  it('tolerates re-wrapping and punctuation but not a missing sentence', () => {
    expect(mentionsSentence(`Intro.\n\n${LEAD.toUpperCase().replace(/ /g, '  ')}`, LEAD)).toBe(true);
    expect(mentionsSentence('Residents welcomed the plan.', LEAD)).toBe(false);
  });
});
