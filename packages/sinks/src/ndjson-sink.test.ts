import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECORD_SCHEMA_ID, RECORD_SCHEMA_URL, type StoryRecord } from '@wirehose/schemas';
import { createNdjsonSink } from './ndjson-sink.js';

function record(id: string, version: number, text = 'x'.repeat(200)): StoryRecord {
  const url = `https://news.example/${id}`;
  return {
    $schema: RECORD_SCHEMA_URL,
    schema: RECORD_SCHEMA_ID,
    id,
    version,
    contentHash: `${id}-${version}`,
    publishedAt: '2026-11-24T10:00:00.000Z',
    status: 'active',
    mergedInto: null,
    story: {
      title: id,
      text,
      url,
      language: 'en',
      firstPublishedAt: null,
      bestCopyId: 'a',
      original: { source: 'X', basis: 'earliest', articleId: null },
      attributionChain: [],
      copyCount: 1,
      outlets: ['X'],
      mergedFrom: [],
    },
    copies: [],
    events: [],
  };
}

async function lines(dir: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const file of (await readdir(dir)).sort()) {
    const text = await readFile(join(dir, file), 'utf8');
    out[file] = text
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const r = JSON.parse(l) as StoryRecord;
        return `${r.id}@${r.version}`;
      });
  }
  return out;
}

describe('the NDJSON sink', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wirehose-ndjson-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends each version once and never an older one', async () => {
    const sink = createNdjsonSink({ path: join(dir, 'records.ndjson') });
    const outcomes = [];
    for (const r of [record('a', 1), record('a', 1), record('a', 2), record('a', 1), record('b', 1)])
      outcomes.push(await sink.write(r));
    await sink.close();
    expect(outcomes).toEqual(['written', 'skipped', 'written', 'skipped', 'written']);
    expect(await lines(dir)).toEqual({ 'records.ndjson': ['a@1', 'a@2', 'b@1'] });
  });

  it('starts a new file when the current one would pass maxBytes', async () => {
    const sink = createNdjsonSink({ path: join(dir, 'records.ndjson'), rotate: { maxBytes: 1_000 } });
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) await sink.write(record(id, 1));
    await sink.close();
    const files = await lines(dir);
    expect(Object.keys(files).length).toBeGreaterThan(1);
    expect(Object.values(files).flat().sort()).toEqual(['a@1', 'b@1', 'c@1', 'd@1', 'e@1', 'f@1']);
    for (const file of Object.keys(files)) {
      expect((await readFile(join(dir, file))).length).toBeLessThanOrEqual(1_000);
    }
  });

  it('writes one file per UTC day and skips versions found in earlier days after a restart', async () => {
    let now = new Date('2026-11-23T23:59:00Z');
    const opts = { path: join(dir, 'records.ndjson'), rotate: { daily: true }, now: () => now };
    const first = createNdjsonSink(opts);
    await first.write(record('a', 1));
    now = new Date('2026-11-24T00:01:00Z');
    await first.write(record('b', 1));
    await first.close();
    const second = createNdjsonSink(opts);
    expect(await second.write(record('a', 1))).toBe('skipped');
    expect(await second.write(record('a', 2))).toBe('written');
    await second.close();
    expect(await lines(dir)).toEqual({
      'records.2026-11-23.ndjson': ['a@1'],
      'records.2026-11-24.ndjson': ['b@1', 'a@2'],
    });
  });

  it('continues the highest size-rotated file of the day after a restart', async () => {
    const now = () => new Date('2026-11-24T12:00:00Z');
    const opts = { path: join(dir, 'r.ndjson'), rotate: { daily: true, maxBytes: 1_000 }, now };
    const first = createNdjsonSink(opts);
    for (const id of ['a', 'b', 'c', 'd']) await first.write(record(id, 1));
    await first.close();
    const before = Object.keys(await lines(dir));
    const second = createNdjsonSink(opts);
    await second.write(record('e', 1));
    await second.close();
    const after = await lines(dir);
    const last = before.at(-1) ?? '';
    expect(Object.keys(after)).toContain(last);
    expect(Object.values(after).flat().sort()).toEqual(['a@1', 'b@1', 'c@1', 'd@1', 'e@1']);
  });
});
