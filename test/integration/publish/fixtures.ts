import {
  RECORD_SCHEMA_ID,
  RECORD_SCHEMA_URL,
  StoryEventSchema,
  StoryRecordSchema,
  type StoryEvent,
  type StoryRecord,
} from '@wirehose/schemas';

let counter = 0;

/** A valid record with the given id, version and story words; everything else filled in. */
export function makeRecord({
  id = `story-${++counter}`,
  version = 1,
  title = 'Harbour workers strike over pay',
  text = 'Dock workers at the northern harbour walked out on Monday in a dispute over wages.',
  outlet = 'Harbor Times',
  events = [],
  publishedAt = new Date('2026-11-20T10:00:00Z'),
  firstPublishedAt = '2026-11-20T08:00:00Z',
  mergedInto = null,
}: {
  id?: string;
  version?: number;
  title?: string;
  text?: string;
  outlet?: string;
  events?: StoryEvent[];
  publishedAt?: Date;
  firstPublishedAt?: string | null;
  mergedInto?: string | null;
} = {}): StoryRecord {
  const url = `https://news.example/${id}`;
  return StoryRecordSchema.parse({
    $schema: RECORD_SCHEMA_URL,
    schema: RECORD_SCHEMA_ID,
    id,
    version,
    contentHash: `hash-${id}-${version}`,
    publishedAt: publishedAt.toISOString(),
    status: mergedInto ? 'merged' : 'active',
    mergedInto,
    story: {
      title,
      text,
      url,
      language: 'en',
      firstPublishedAt,
      bestCopyId: `a-${id}`,
      original: { source: outlet, basis: 'earliest', articleId: `a-${id}` },
      attributionChain: [outlet],
      copyCount: 1,
      outlets: [outlet],
      mergedFrom: [],
    },
    copies: [
      {
        articleId: `a-${id}`,
        url,
        canonicalUrl: url,
        source: outlet,
        sourceName: outlet,
        fetchedAt: publishedAt.toISOString(),
        title,
        authors: [],
        publishedAt: firstPublishedAt,
        modifiedAt: null,
        language: 'en',
        siteName: outlet,
        image: null,
        section: null,
        tags: [],
        wordCount: text.split(/\s+/).length,
        isPaywalled: false,
        isTruncated: false,
        attribution: null,
        matchedBy: 'first',
        similarity: 1,
      },
    ],
    events,
  });
}

/** A REQUEST event from `from` to `to` (ISO alpha-3 countries). */
export function makeEvent(id: string, type: StoryEvent['type'], from: string, to: string): StoryEvent {
  return StoryEventSchema.parse({
    id,
    type,
    mode: null,
    cameo: { code: '020', root: '02', goldstein: -3 },
    source: { code: `${from}GOV`, country: from, sector: 'GOV', text: from },
    targets: [{ code: `${to}GOV`, country: to, sector: 'GOV', text: to }],
    date: '2026-11-20',
    dateBasis: 'published',
    location: null,
    locationCountry: null,
    polarity: 'asserted',
    speaker: null,
    evidence: {
      sentence: `${from} asked ${to} for help.`,
      start: 0,
      end: 10,
      articleId: 'a',
      field: 'text',
      otherSentences: [],
    },
    confidence: 0.9,
    mentions: { sentences: 1, copies: 1, outlets: 1 },
  });
}
