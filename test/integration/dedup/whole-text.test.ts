import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDedupIndex, type DedupDocument, type DedupIndex } from '../../../packages/dedup/src/index.js';
import type { Redis } from 'ioredis';
import { original } from './fixtures.js';
import { deleteUnder, keysUnder, openRedis, testPrefix } from './helpers.js';

let redis: Redis;
const prefixes: string[] = [];

function freshIndex(): { index: DedupIndex; prefix: string } {
  const prefix = testPrefix();
  prefixes.push(prefix);
  return { index: createDedupIndex({ redis, prefix }), prefix };
}

beforeAll(() => {
  redis = openRedis();
});
afterEach(async () => {
  for (const p of prefixes.splice(0)) await deleteUnder(redis, p);
});
afterAll(() => {
  redis.disconnect();
});

const paragraphs = original.text.split('\n\n');

function doc(articleId: string, source: string, text: string): DedupDocument {
  return {
    articleId,
    url: `https://${source.toLowerCase().replace(/\W+/g, '-')}.example/${articleId}`,
    title: `Title of ${articleId}`,
    text,
    source,
    publishedAt: null,
  };
}

/** The opening paragraphs, a republication notice on top, a line sending the reader to the original. */
const teaser = doc(
  'teaser-1',
  'Riverside Bulletin',
  [
    'This report first appeared in The Washington Post and is republished with permission.',
    ...paragraphs.slice(0, 2),
    'Read the full story on The Washington Post website.',
  ].join('\n\n'),
);

/** Two paragraphs from the middle of the story, with a dateline and a trailing credit. */
const excerpt = doc(
  'excerpt-1',
  'Coastal Ledger',
  [
    `CARACAS, Nov. 1 (Wire) - ${paragraphs[2] ?? ''}`,
    paragraphs[3] ?? '',
    'Source: The Washington Post',
  ].join('\n\n'),
);

describe('copies that do not keep the opening of a story', () => {
  it('joins a teaser to its story, whichever arrives first, crediting the outlet its notice names', async () => {
    for (const order of [
      [original, teaser],
      [teaser, original],
    ]) {
      const { index } = freshIndex();
      const [first, second] = order as [DedupDocument, DedupDocument];
      const a = await index.assign(first);
      const b = await index.assign(second);
      expect(b.status).toBe('new-copy');
      expect(b.story.storyId).toBe((await index.getStory(a.story.storyId))?.storyId);
      expect(b.story.original.source).toMatch(/Washington Post$/);
    }
  });

  it('joins an excerpt from the middle of a story to it, whichever arrives first', async () => {
    for (const order of [
      [original, excerpt],
      [excerpt, original],
    ]) {
      const { index } = freshIndex();
      const [first, second] = order as [DedupDocument, DedupDocument];
      const a = await index.assign(first);
      const b = await index.assign(second);
      expect(b.status).toBe('new-copy');
      expect(b.story.storyId).toBe((await index.getStory(a.story.storyId))?.storyId);
    }
  });
});

/** Furniture of one outlet that no wording rule knows: only its recurrence across unrelated stories tells. */
const FURNITURE = [
  'Hilltop Daily keeps a record of every correction it makes on a dedicated page that readers can consult at any hour of the day.',
  'Our reporters can be reached through the form on the contact page and we try to answer each message within two working days.',
  'Hilltop Daily is owned by its staff and accepts no money from political parties, unions or the companies it writes about.',
].join('\n\n');

const UNRELATED = [
  'The county council voted on Tuesday to reopen the old ferry crossing after a three-year closure, saying repairs to both landing stages were now complete and the new timetable would start in spring.',
  'A bakery on the high street has won a regional prize for its rye loaf, the third award in five years for the family business, which still uses a wood-fired oven built by the founder.',
  'Volunteers counted more than two hundred species of moth during a night survey of the nature reserve, including a rare grey variety last recorded there before the war, the trust said.',
];

describe('outlet boilerplate learnt from recurrence', () => {
  it('ignores lines an outlet repeats under unrelated stories when matching its next copy', async () => {
    const { index, prefix } = freshIndex();
    for (const [i, text] of UNRELATED.entries())
      await index.assign(doc(`hilltop-${i}`, 'Hilltop Daily', `${text}\n\n${FURNITURE}`));
    const story = await index.assign(original);
    // a short copy whose own text is outweighed by the outlet's furniture
    const copy = await index.assign(
      doc('hilltop-copy', 'Hilltop Daily', [paragraphs[0] ?? '', FURNITURE].join('\n\n')),
    );
    expect(copy.status).toBe('new-copy');
    expect(copy.story.storyId).toBe((await index.getStory(story.story.storyId))?.storyId);
    // the statistics sit in one hash-tagged key per outlet (Hilltop Daily, The Washington Post), with a TTL
    const keys = (await keysUnder(redis, prefix))
      .map((k) => k.toString('latin1'))
      .filter((k) => /\{bp:[0-9a-f]{16}\}$/.test(k));
    expect(keys).toHaveLength(2);
    for (const k of keys) expect(await redis.ttl(k)).toBeGreaterThan(0);
  });

  it('does not learn boilerplate from copies of one story by one outlet', async () => {
    const { index } = freshIndex();
    await index.assign(original);
    // the same outlet republishes the story three times (updates): its opening lines are not furniture
    for (let i = 0; i < 3; i++)
      await index.assign(doc(`repeat-${i}`, 'Hilltop Daily', paragraphs.slice(0, 4 + i).join('\n\n')));
    const short = await index.assign(
      doc('repeat-short', 'Hilltop Daily', paragraphs.slice(0, 2).join('\n\n')),
    );
    expect(short.status).toBe('new-copy');
  });

  it('without that history, the same short copy is not matched (the furniture outweighs it)', async () => {
    const { index } = freshIndex();
    await index.assign(original);
    const copy = await index.assign(
      doc('hilltop-copy', 'Hilltop Daily', [paragraphs[0] ?? '', FURNITURE].join('\n\n')),
    );
    expect(copy.status).toBe('new-story');
  });
});
