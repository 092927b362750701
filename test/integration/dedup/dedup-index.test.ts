import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDedupIndex, type DedupDocument, type DedupIndex } from '../../../packages/dedup/src/index.js';
import type { Redis } from 'ioredis';
import { original, promoted, retitled, sameTopic, truncated } from './fixtures.js';
import { deleteUnder, keysUnder, openRedis, testPrefix } from './helpers.js';

let redis: Redis;
const prefixes: string[] = [];

function freshIndex(extra: Partial<Parameters<typeof createDedupIndex>[0]> = {}): {
  index: DedupIndex;
  prefix: string;
} {
  const prefix = testPrefix();
  prefixes.push(prefix);
  return { index: createDedupIndex({ redis, prefix, ...extra }), prefix };
}

async function finalId(index: DedupIndex, storyId: string): Promise<string | undefined> {
  return (await index.getStory(storyId))?.storyId;
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

describe('seed case: a Washington Post story republished by UNN and others', () => {
  it('folds the re-titled, promo/footer and truncated variants into one story credited to The Washington Post', async () => {
    const { index } = freshIndex();
    const a = await index.assign(retitled);
    const b = await index.assign(promoted);
    const c = await index.assign(truncated);
    const d = await index.assign(sameTopic);
    expect(a.status).toBe('new-story');
    expect(b.status).toBe('new-copy');
    expect(c.status).toBe('new-copy');
    expect(d.status).toBe('new-story');
    const story = await index.getStory(c.story.storyId);
    expect(story?.copies.map((x) => x.articleId).sort()).toEqual([
      'daily-digest-77',
      'metro-wire-5',
      'unn-1',
    ]);
    expect(story?.original).toEqual({ source: 'The Washington Post', basis: 'attribution', articleId: null });
    expect(story?.attributionChain.slice(-2)).toEqual(['UNN', 'The Washington Post']);
    expect(story?.bestCopyId).not.toBe('metro-wire-5');
    expect(await finalId(index, d.story.storyId)).not.toBe(story?.storyId);
  });

  it('names the original article once the outlet it credits arrives', async () => {
    const { index } = freshIndex();
    await index.assign(truncated);
    await index.assign(retitled);
    const d = await index.assign(original);
    expect(d.status).toBe('new-copy');
    expect(d.story.original).toEqual({
      source: 'The Washington Post',
      basis: 'attribution',
      articleId: 'wapo-venezuela-1',
    });
    expect(d.story.copies).toHaveLength(3);
  });

  it('gives the same story id whatever the arrival order', async () => {
    const docs = [original, retitled, promoted, truncated];
    const orders = [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [2, 0, 3, 1],
      [1, 3, 0, 2],
      [3, 0, 2, 1],
      [2, 3, 1, 0],
    ];
    const ids = new Set<string>();
    for (const order of orders) {
      const { index } = freshIndex();
      let last = '';
      for (const i of order) last = (await index.assign(docs[i] as DedupDocument)).story.storyId;
      const story = await index.getStory(last);
      expect(story?.copies).toHaveLength(4);
      ids.add(story?.storyId ?? '');
      // every id handed out on the way still resolves to the final story
      expect(story?.mergedFrom.length).toBeGreaterThanOrEqual(0);
    }
    expect(ids.size).toBe(1);
  });
});

describe('story merges', () => {
  it('folds two stories joined by a later copy into one, and old ids resolve to it', async () => {
    const { index } = freshIndex();
    // the first three paragraphs, and the first with the last four: too little shared to be copies
    const paragraphs = original.text.split('\n\n');
    const head = await index.assign({
      ...retitled,
      articleId: 'head',
      url: 'https://h.example/1',
      text: paragraphs.slice(0, 3).join('\n\n'),
    });
    const tail = await index.assign({
      ...promoted,
      articleId: 'tail',
      url: 'https://t.example/1',
      text: [paragraphs[0], ...paragraphs.slice(3)].join('\n\n'),
    });
    expect(tail.status).toBe('new-story');
    const full = await index.assign(original);
    expect(full.status).toBe('new-copy');
    expect(full.story.copies.map((c) => c.articleId).sort()).toEqual(['head', 'tail', 'wapo-venezuela-1']);
    const ids = [head.story.storyId, tail.story.storyId];
    for (const id of ids) expect((await index.getStory(id))?.storyId).toBe(full.story.storyId);
    for (const id of ids.filter((x) => x !== full.story.storyId)) expect(full.story.mergedFrom).toContain(id);
    expect(full.story.copies.find((c) => c.articleId === 'wapo-venezuela-1')?.matchedBy).toBe('near');
  });
});

describe('a lead-only copy between a report and its follow-up', () => {
  // The follow-up repeats the report's opening paragraph over a body of its own; the short copy is only
  // that paragraph, so it is contained in both and must not make them one story.
  const lead = original.text.split('\n\n')[0] ?? '';
  const followUp: DedupDocument = {
    ...sameTopic,
    articleId: 'follow-up-1',
    url: 'https://other.example/world/follow-up',
    text: [lead, sameTopic.text].join('\n\n'),
  };
  const leadOnly: DedupDocument = {
    ...truncated,
    articleId: 'lead-only-1',
    url: 'https://brief.example/1',
    text: `${lead}\n\nThis is reported by The Washington Post, according to UNN.`,
  };
  const orders: [string, DedupDocument[]][] = [
    ['report, follow-up, lead', [original, followUp, leadOnly]],
    ['lead, report, follow-up', [leadOnly, original, followUp]],
    ['follow-up, lead, report', [followUp, leadOnly, original]],
  ];

  it.each(orders)('keeps them two stories when they arrive as %s', async (_, docs) => {
    const { index } = freshIndex();
    const storyOf = new Map<string, string>();
    for (const doc of docs) storyOf.set(doc.articleId, (await index.assign(doc)).story.storyId);
    const final = async (articleId: string): Promise<string | undefined> =>
      finalId(index, storyOf.get(articleId) ?? '');
    const report = await final(original.articleId);
    const follow = await final(followUp.articleId);
    expect(report).toBeDefined();
    expect(follow).not.toBe(report);
    expect([report, follow]).toContain(await final(leadOnly.articleId));
  });
});

describe('first-seen story ids', () => {
  it('keeps the id a story was created with as copies join', async () => {
    const { index } = freshIndex({ storyIds: 'first-seen' });
    const first = await index.assign(truncated);
    for (const d of [retitled, promoted, original]) {
      const decision = await index.assign(d);
      expect(decision.status).toBe('new-copy');
      expect(decision.story.storyId).toBe(first.story.storyId);
    }
    expect((await index.getStory(first.story.storyId))?.copies).toHaveLength(4);
  });
});

describe('exact layers and idempotence', () => {
  it('returns already-seen with the story unchanged when the same article id is assigned again', async () => {
    const { index } = freshIndex();
    await index.assign(retitled);
    const first = await index.assign(promoted);
    const again = await index.assign({ ...promoted, title: 'changed title' });
    expect(again.status).toBe('already-seen');
    expect(again.story).toEqual(first.story);
  });

  it('returns already-seen for the same URL under another article id', async () => {
    const { index } = freshIndex();
    const first = await index.assign(retitled);
    const again = await index.assign({
      ...retitled,
      articleId: 'unn-1-refetch',
      url: `${retitled.url}/?utm_source=x`,
    });
    expect(again.status).toBe('already-seen');
    expect(again.story.storyId).toBe(first.story.storyId);
  });

  it('matches a copy whose canonical URL points at a stored article by url', async () => {
    const { index } = freshIndex();
    const first = await index.assign(sameTopic);
    const d = await index.assign({
      articleId: 'mirror-1',
      url: 'https://mirror.example/a/1',
      canonicalUrl: sameTopic.url,
      title: 'Something else entirely',
      text: 'A short teaser that shares no words with the article at all, only its canonical link.',
      source: 'Mirror',
    });
    expect(d.status).toBe('new-copy');
    expect(d.story.storyId).toBe([first.story.storyId, d.story.storyId].sort()[0]);
    expect(d.story.copies.find((c) => c.articleId === 'mirror-1')?.matchedBy).toBe('url');
  });

  it('returns already-seen for another URL of the same page (same canonical URL, same outlet)', async () => {
    const { index } = freshIndex();
    const first = await index.assign(sameTopic);
    const amp = await index.assign({
      ...sameTopic,
      articleId: 'other-venezuela-9-amp',
      url: 'https://amp.other.example/world/us-navy-caribbean.amp',
      canonicalUrl: sameTopic.url,
    });
    expect(amp.status).toBe('already-seen');
    expect(amp.story).toEqual(first.story);
  });

  it('matches a copy with the same body under a new title, credit line and footer by hash', async () => {
    const { index } = freshIndex();
    await index.assign(sameTopic);
    const d = await index.assign({
      ...sameTopic,
      articleId: 'copy-hash',
      url: 'https://copy.example/1',
      title: 'New title',
      text: `${sameTopic.text.toUpperCase()}\n\nShare this article:\n\nRead more news on our website.`,
      source: 'Copy Co',
    });
    expect(d.status).toBe('new-copy');
    expect(d.story.copies.find((c) => c.articleId === 'copy-hash')?.matchedBy).toBe('hash');
  });
});

describe('time window', () => {
  it('puts a TTL on every key it writes', async () => {
    const { index, prefix } = freshIndex({ windowSeconds: 60, partitionSeconds: 15 });
    await index.assign(retitled);
    await index.assign(promoted);
    await index.assign(sameTopic);
    const keys = await keysUnder(redis, prefix);
    expect(keys.length).toBeGreaterThan(3);
    for (const k of keys) {
      const ttl = await redis.ttl(k);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60 + 2 * 15);
    }
  });

  it('stops matching an article once the window has passed', async () => {
    let clock = Date.UTC(2025, 10, 1, 12, 0, 0);
    const { index } = freshIndex({ windowSeconds: 3600, partitionSeconds: 600, now: () => clock });
    const a = await index.assign(retitled);
    clock += 1800 * 1000;
    expect((await index.assign(promoted)).story.storyId).toBe(
      [a.story.storyId, (await index.getStory(a.story.storyId))?.storyId].sort()[0],
    );
    clock += 3 * 3600 * 1000;
    const late = await index.assign(truncated);
    expect(late.status).toBe('new-story');
  });

  it('keeps finding stories when the bucket count changes: it applies from the next partition', async () => {
    let clock = Date.UTC(2025, 10, 1, 12, 0, 0);
    const prefix = testPrefix();
    prefixes.push(prefix);
    const opts = { redis, prefix, windowSeconds: 3600, partitionSeconds: 600, now: () => clock };
    const small = createDedupIndex({ ...opts, buckets: 3 });
    const a = await small.assign(retitled);
    // a worker restarted with more buckets, same partition: the partition's own count (3) still rules
    const large = createDedupIndex({ ...opts, buckets: 1000 });
    const b = await large.assign(promoted);
    expect(b.status).toBe('new-copy');
    clock += 700 * 1000;
    const c = await large.assign(truncated);
    expect(c.status).toBe('new-copy');
    expect(c.story.copies).toHaveLength(3);
    expect((await small.getStory(a.story.storyId))?.storyId).toBe(c.story.storyId);
    const counts = await Promise.all(
      (await keysUnder(redis, prefix))
        .map((k) => k.toString('latin1'))
        .filter((k) => k.endsWith('#'))
        .map(async (k) => Number(await redis.get(k))),
    );
    expect(counts.sort((x, y) => x - y)).toEqual([3, 1000]);
  });

  it('lets Redis expire the entries after a short window', async () => {
    const { index, prefix } = freshIndex({ windowSeconds: 1, partitionSeconds: 1 });
    await index.assign(retitled);
    expect((await keysUnder(redis, prefix)).length).toBeGreaterThan(0);
    let left = -1;
    for (let i = 0; i < 100; i++) {
      left = (await keysUnder(redis, prefix)).length;
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(left).toBe(0);
  });
});

describe('concurrency', () => {
  it('ends with one story when parallel clients assign copies of the same story at once', async () => {
    const clients = Array.from({ length: 4 }, () => openRedis());
    try {
      for (let round = 0; round < 5; round++) {
        const prefix = testPrefix();
        prefixes.push(prefix);
        const indexes = clients.map((c) => createDedupIndex({ redis: c, prefix }));
        const docs = [original, retitled, promoted, truncated].map((d) => ({
          ...d,
          articleId: `${d.articleId}-r${round}`,
        }));
        const decisions = await Promise.all(docs.map((d, i) => (indexes[i] as DedupIndex).assign(d)));
        const finals = new Set<string>();
        for (const d of decisions)
          finals.add((await finalId(indexes[0] as DedupIndex, d.story.storyId)) ?? '');
        expect(finals.size).toBe(1);
        const story = await (indexes[0] as DedupIndex).getStory([...finals][0] ?? '');
        expect(story?.copies).toHaveLength(4);
        expect(decisions.filter((d) => d.status === 'new-story')).toHaveLength(1);
      }
    } finally {
      for (const c of clients) c.disconnect();
    }
  });

  it('creates one story when the same article is assigned by parallel clients', async () => {
    const clients = Array.from({ length: 3 }, () => openRedis());
    try {
      const prefix = testPrefix();
      prefixes.push(prefix);
      const decisions = await Promise.all(
        clients.map((c) => createDedupIndex({ redis: c, prefix }).assign(retitled)),
      );
      expect(decisions.map((d) => d.status).sort()).toEqual(['already-seen', 'already-seen', 'new-story']);
      expect(new Set(decisions.map((d) => d.story.storyId)).size).toBe(1);
    } finally {
      for (const c of clients) c.disconnect();
    }
  });

  it('ends with one story when two processes race on copies of the same story', async () => {
    const { index, prefix } = freshIndex();
    const goKey = `${prefix}go`;
    const worker = fileURLToPath(new URL('./race-worker.ts', import.meta.url));
    const runChild = (docs: DedupDocument[]): Promise<{ status: string; storyId: string }[]> =>
      new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', worker, prefix, goKey, JSON.stringify(docs)],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let out = '';
        let err = '';
        child.stdout.on('data', (b: Buffer) => (out += b.toString()));
        child.stderr.on('data', (b: Buffer) => (err += b.toString()));
        child.on('error', reject);
        child.on('exit', (code) =>
          code === 0
            ? resolve(JSON.parse(out) as { status: string; storyId: string }[])
            : reject(new Error(err)),
        );
      });
    const a = runChild([retitled, truncated]);
    const b = runChild([promoted, original]);
    await new Promise((r) => setTimeout(r, 1500));
    await redis.set(goKey, '1');
    const results = [...(await a), ...(await b)];
    const finals = new Set<string>();
    for (const r of results) finals.add((await finalId(index, r.storyId)) ?? '');
    expect(finals.size).toBe(1);
    expect((await index.getStory([...finals][0] ?? ''))?.copies).toHaveLength(4);
  });
});
