import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '@wirehose/cli';
import { createLogger } from '@wirehose/logger';
import type { StoryRecord } from '@wirehose/schemas';
import { connect, deletePrefix, REDIS_URL, testPrefix } from '../support/redis.js';

const log = createLogger({ service: 'e2e', level: 'silent' });
const schema = JSON.parse(
  await readFile(new URL('../../packages/schemas/schema/record-v1.json', import.meta.url), 'utf8'),
) as object;

async function readNdjson(path: string): Promise<StoryRecord[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as StoryRecord);
}

describe('the whole pipeline over the bundled sample site', () => {
  const prefix = testPrefix('e2e');
  const secondPrefix = testPrefix('e2e');
  const redis = connect();
  let dir: string;
  let outPath: string;
  let first: DemoResult;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wirehose-e2e-'));
    outPath = join(dir, 'records.ndjson');
    first = await runDemo({
      redisUrl: REDIS_URL,
      prefix,
      outPath,
      log,
      env: {},
      print: (l) => lines.push(l),
    });
  }, 120_000);

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    await deletePrefix(redis, secondPrefix);
    redis.disconnect();
    await rm(dir, { recursive: true, force: true });
  });

  it('supersedes every story it folded into another', () => {
    // runDemo returns live stories only; a merged-away story would point at one of them.
    expect(first.records.every((r) => r.status === 'active' && r.mergedInto === null)).toBe(true);
  });

  const wireStory = (): StoryRecord => {
    const story = first.records.find((r) =>
      r.copies.some((c) => c.url.endsWith('/unn/venezuela-seeks-military-aid')),
    );
    if (!story) throw new Error('no record holds the UNN copy');
    return story;
  };

  it('folds the three republished copies into one story naming the original source', () => {
    const story = wireStory();
    expect(story.copies.map((c) => c.source).sort()).toEqual(['Daily Meridian', 'Harbor Times', 'UNN']);
    expect(story.story.outlets.sort()).toEqual(['Daily Meridian', 'Harbor Times', 'UNN']);
    expect(story.story.original.source).toBe('The Washington Post');
    expect(story.story.original.basis).toBe('attribution');
  });

  it('keeps the same-topic article and the unrelated articles as stories of their own', () => {
    const sameTopic = first.records.find((r) =>
      r.copies.some((c) => c.url.endsWith('/world/us-warships-caribbean-venezuela-troops')),
    );
    expect(sameTopic).toBeDefined();
    expect(sameTopic?.id).not.toBe(wireStory().id);
    expect(sameTopic?.copies).toHaveLength(1);
    // 10 sample articles: 3 copies of one story + 7 stories of one copy each.
    expect(first.records).toHaveLength(8);
    expect(first.records.reduce((n, r) => n + r.copies.length, 0)).toBe(10);
  });

  it("reports the story's main event once, with its mentions across copies", () => {
    const story = wireStory();
    const requests = story.events.filter(
      (e) =>
        e.type === 'REQUEST' && e.source?.country === 'VEN' && e.targets.some((t) => t.country === 'RUS'),
    );
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.targets.map((t) => t.country).sort()).toEqual(['CHN', 'IRN', 'RUS']);
    expect(request?.cameo.root).toBe('02');
    expect(request?.mentions.copies).toBeGreaterThanOrEqual(2);
    expect(request?.mentions.outlets).toBe(request?.mentions.copies);
  });

  it('reports no attack for "does not plan to strike"', () => {
    for (const record of first.records) {
      expect(record.events.filter((e) => e.type === 'ASSAULT')).toEqual([]);
    }
  });

  async function streamed(): Promise<StoryRecord[]> {
    const entries = await redis.xrange(`${prefix}:records`, '-', '+');
    return entries.map(([, fields]) => {
      const at = fields.indexOf('record');
      return JSON.parse(fields[at + 1] ?? 'null') as StoryRecord;
    });
  }

  /** Highest version per story id: what a consumer of the sink ends up with. */
  function latest(records: readonly StoryRecord[]): Map<string, StoryRecord> {
    const out = new Map<string, StoryRecord>();
    for (const r of records) if ((out.get(r.id)?.version ?? 0) < r.version) out.set(r.id, r);
    return out;
  }

  function versions(records: readonly StoryRecord[]): string[] {
    return records.map((r) => `${r.id}@${r.version}`);
  }

  it('publishes each record version at most once per sink, valid against the committed JSON Schema', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    // Formats checked too (date-time, date, uri), not ignored with a warning.
    // (CommonJS: the plugin is the module's `default` as TypeScript sees it, and at run time too.)
    ajvFormats.default(ajv);
    const validate = ajv.compile(schema);
    const written = await readNdjson(outPath);
    const stream = await streamed();
    for (const record of [...written, ...stream]) {
      expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    }
    const [sample] = written;
    expect(sample).toBeDefined();
    const story = { ...(sample as StoryRecord).story, url: 'not a link' };
    expect(validate({ ...sample, story })).toBe(false);
    expect(validate.errors).toEqual([
      expect.objectContaining({ instancePath: '/story/url', keyword: 'format', params: { format: 'uri' } }),
    ]);
    expect(new Set(versions(written)).size).toBe(written.length);
    expect(new Set(versions(stream)).size).toBe(stream.length);
    // Both sinks end on the same latest version of every story, and the live ones are the demo's stories.
    const fromFile = latest(written);
    const fromStream = latest(stream);
    expect([...fromFile.values()].map((r) => `${r.id}@${r.version}`).sort()).toEqual(
      [...fromStream.values()].map((r) => `${r.id}@${r.version}`).sort(),
    );
    expect(
      [...fromFile.values()]
        .filter((r) => r.status === 'active')
        .map((r) => r.id)
        .sort(),
    ).toEqual(first.records.map((r) => r.id).sort());
  });

  it('adds nothing when the demo runs again, on the same Redis or a fresh one', async () => {
    const before = await readNdjson(outPath);
    const streamBefore = await streamed();
    const again = await runDemo({ redisUrl: REDIS_URL, prefix, outPath, log, env: {}, print: () => {} });
    expect(again.records.map((r) => [r.id, r.version]).sort()).toEqual(
      first.records.map((r) => [r.id, r.version]).sort(),
    );
    expect(versions(await streamed())).toEqual(versions(streamBefore));
    const fresh = await runDemo({
      redisUrl: REDIS_URL,
      prefix: secondPrefix,
      outPath,
      log,
      env: {},
      print: () => {},
    });
    expect(fresh.records.map((r) => r.id).sort()).toEqual(first.records.map((r) => r.id).sort());
    // A fresh Redis re-runs dedup from scratch, and concurrent workers may pass through a different
    // transient story (later retired as "merged") than the first run did. The file keeps every line it
    // had, holds no version twice, and its live stories are still exactly the demo's stories.
    const after = await readNdjson(outPath);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(new Set(versions(after)).size).toBe(after.length);
    expect(
      [...latest(after).values()]
        .filter((r) => r.status === 'active')
        .map((r) => r.id)
        .sort(),
    ).toEqual(first.records.map((r) => r.id).sort());
  }, 120_000);

  it('prints a summary with counts and where the records are', () => {
    expect(lines.some((l) => /articles fetched: 10\s+stories: 8\s+copies: 10/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes(outPath))).toBe(true);
  });
});
