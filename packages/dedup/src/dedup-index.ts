import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { computeFeatures, DEFAULT_FEATURE_PARAMS, type DocFeatures, type FeatureParams } from './features.js';
import { hash64 } from './hash.js';
import { edgeSentenceKeys } from './boilerplate.js';
import { outletBoilerplateKey } from './keys.js';
import { withDedupScripts } from './scripts.js';
import { sameOutlet } from './attribution.js';
import { judgeStory } from './judge.js';
import { COMMIT_SCRIPT, GET_SCRIPT, READ_SCRIPT } from './lua.js';
import {
  ALIAS_MARK,
  decodeStoryRecord,
  encodeStoryRecord,
  fullestSize,
  type StoredCopy,
  type StoryRecord,
} from './story-record.js';
import { toStoryState } from './story-state.js';
import type {
  DedupDecision,
  DedupDocument,
  DedupIndex,
  DedupIndexOptions,
  MatchedBy,
  StoryState,
} from './types.js';
import { urlIdentityKey as normalizeUrl } from '@wirehose/http-fetch';

/** Thrown when concurrent writers kept changing what an assignment read, past the retry budget. */
export class DedupConflictError extends Error {
  override readonly name = 'DedupConflictError';
  constructor(
    readonly articleId: string,
    readonly attempts: number,
  ) {
    super(`dedup assign for article ${articleId} conflicted ${attempts} times`);
  }
}

type Family = 'a' | 'u' | 'c' | 'h' | 'n';
interface Probe {
  family: Family;
  field: Buffer;
}

const POSTING_CAP = 16;

interface Script {
  lua: string;
  sha: string;
}
function script(lua: string): Script {
  return { lua, sha: createHash('sha1').update(lua).digest('hex') };
}
const READ = script(READ_SCRIPT);
const COMMIT = script(COMMIT_SCRIPT);
const GET = script(GET_SCRIPT);

async function run(redis: Redis, s: Script, args: (string | Buffer | number)[]): Promise<unknown> {
  try {
    return await redis.callBuffer('EVALSHA', s.sha, 0, ...args);
  } catch (err) {
    if (err instanceof Error && err.message.includes('NOSCRIPT'))
      return redis.callBuffer('EVAL', s.lua, 0, ...args);
    throw err;
  }
}

function anchorField(h: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(h >>> 0, 0);
  return b;
}

function parseTime(s: string | null | undefined): number | null {
  if (!s) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t) || t <= 0) return null;
  return Math.min(0xfffffffe, Math.floor(t / 1000));
}

function asBuffer(v: unknown): Buffer | null {
  return Buffer.isBuffer(v) ? v : null;
}

/** Copies of one story whose sketches are kept for matching (the longest texts); the rest keep only their metadata. */
const SKETCHED_COPIES = 12;
/** Copies listed per story at most (the earliest assigned are kept). */
const MAX_COPIES = 1000;
/** A near match merges another story only if its fullest copy is at most this many times the newcomer. */
const BRIDGE_SLACK = 1.25;

/** Keep a story record's size, and so the cost of matching against it, bounded however many copies it gathers. */
function boundCopies(copies: StoredCopy[]): StoredCopy[] {
  const kept = copies.slice(0, MAX_COPIES);
  if (kept.filter((c) => c.sketch.length > 0).length <= SKETCHED_COPIES) return kept;
  const keep = new Set(
    [...kept]
      .filter((c) => c.sketch.length > 0)
      .sort((a, b) => b.size - a.size || (a.articleId < b.articleId ? -1 : 1))
      .slice(0, SKETCHED_COPIES),
  );
  return kept.map((c) =>
    keep.has(c)
      ? c
      : { ...c, sketch: new Uint32Array(0), numbers: new Uint32Array(0), names: new Uint32Array(0) },
  );
}

/** Sentences tracked per outlet for boilerplate statistics at most (see `lua/boilerplate.lua`). */
const OUTLET_SENTENCE_CAP = 512;

function key4(h: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(h >>> 0, 0);
  return b;
}

/** Story id of a single article; a story's id is the smallest of its members' ids (see `createDedupIndex`). */
export function articleStoryId(articleId: string): Buffer {
  return hash64(`article\u0000${articleId}`);
}

/**
 * A syndicated-copy index in Redis.
 *
 * Layers, in order: article id and own URL (already seen), canonical URL, hash of the normalized body
 * (attribution lines, promo inserts and footers removed), then near-duplicates: anchors (a consistent
 * sample of the first shingles) looked up in bucketed Redis hashes, candidates confirmed by containment
 * against each copy's bottom-k sketch, with guards on numbers and names.
 *
 * Story ids: a story's id is the smallest member id (8-byte hash of each member's article id). When a
 * copy with a smaller id joins, or stories merge, the record moves to the new id and the old ids become
 * aliases (listed in `mergedFrom`, resolved by `getStory` and by lookups). Guarantee: once the same set of
 * articles is grouped into one story, its id is the same whatever order they arrived in.
 *
 * Memory: index entries live in hashes bucketed by field hash and time partition (small listpack-encoded
 * hashes), story records are one packed string each; every key carries a TTL.
 */
export function createDedupIndex(opts: DedupIndexOptions): DedupIndex {
  const redis = opts.redis;
  const scripts = withDedupScripts(redis);
  const prefix = opts.prefix;
  const window = opts.windowSeconds ?? 7 * 24 * 3600;
  const partition = Math.max(1, Math.round(opts.partitionSeconds ?? window / 2));
  const spanParts = Math.ceil(window / partition);
  const threshold = opts.threshold ?? 0.7;
  const buckets = opts.buckets ?? 4096;
  const now = opts.now ?? Date.now;
  const maxRetries = opts.maxRetries ?? 20;
  const maxCandidates = opts.maxCandidates ?? 8;
  const idPolicy = opts.storyIds ?? 'order-independent';
  const params: FeatureParams = DEFAULT_FEATURE_PARAMS;

  /** Partitions whose entries can still match, newest first. */
  function livePartitions(nowSec: number): number[] {
    const current = Math.floor(nowSec / partition);
    const parts: number[] = [];
    for (let p = current; p >= current - spanParts; p--) parts.push(p);
    return parts;
  }

  function gatherArgs(parts: number[], probes: Probe[]): (string | Buffer)[] {
    const args: (string | Buffer)[] = [
      prefix,
      String(buckets),
      String(parts.length),
      ...parts.map(String),
      String(probes.length),
    ];
    for (const p of probes) args.push(p.family, p.field);
    return args;
  }

  function probesFor(
    doc: DedupDocument,
    f: DocFeatures,
  ): { probes: Probe[]; own: Buffer; canon: Buffer | null } {
    const own = hash64(`url\u0000${normalizeUrl(doc.url)}`);
    const canonNorm = doc.canonicalUrl ? normalizeUrl(doc.canonicalUrl) : null;
    const canon = canonNorm && canonNorm !== normalizeUrl(doc.url) ? hash64(`url\u0000${canonNorm}`) : null;
    const probes: Probe[] = [
      { family: 'a', field: articleStoryId(doc.articleId) },
      { family: 'u', field: own },
      { family: 'c', field: own },
    ];
    if (canon) probes.push({ family: 'u', field: canon }, { family: 'c', field: canon });
    if (f.bodyHash) probes.push({ family: 'h', field: f.bodyHash });
    for (const a of f.queryAnchors) probes.push({ family: 'n', field: anchorField(a) });
    return { probes, own, canon };
  }

  async function getStory(storyId: string): Promise<StoryState | null> {
    if (!/^[0-9a-f]{16}$/.test(storyId)) return null;
    const parts = livePartitions(Math.floor(now() / 1000));
    const res = await run(redis, GET, [
      prefix,
      String(buckets),
      String(parts.length),
      ...parts.map(String),
      Buffer.from(storyId, 'hex'),
    ]);
    if (!Array.isArray(res)) return null;
    const id = asBuffer(res[0]);
    const rec = asBuffer(res[1]);
    if (!id || !rec) return null;
    return toStoryState(id.toString('hex'), decodeStoryRecord(rec));
  }

  /** The copy as stored in its story's record. */
  function storedCopy(
    doc: DedupDocument,
    f: DocFeatures,
    matchedBy: MatchedBy,
    similarity: number,
  ): StoredCopy {
    return {
      articleId: doc.articleId,
      source: doc.source,
      publishedAt: parseTime(doc.publishedAt),
      matchedBy,
      similarity,
      size: f.distinct.length,
      sketch: f.sketch,
      numbers: f.numbers,
      names: f.names,
      attribution: f.attribution?.outlets ?? [],
    };
  }

  /**
   * The write arguments of COMMIT (and of READ's new-story path): the article's index entries pointing at
   * `storyId`, the story's record, and aliases from the member stories renamed into it.
   */
  function writeArgs(
    doc: DedupDocument,
    f: DocFeatures,
    urls: { own: Buffer; canon: Buffer | null },
    storyId: string,
    record: StoryRecord,
    members: { id: string; part: string }[],
    nowSec: number,
  ): (string | Buffer)[] {
    const current = Math.floor(nowSec / partition);
    const idBuf = Buffer.from(storyId, 'hex');
    const writes: (string | Buffer)[] = [];
    let nWrites = 0;
    const put = (mode: 's' | 'p', family: Family, field: Buffer): void => {
      writes.push(mode, family, field, idBuf);
      nWrites++;
    };
    put('s', 'a', articleStoryId(doc.articleId));
    put('s', 'u', urls.own);
    if (urls.canon) put('s', 'c', urls.canon);
    if (f.bodyHash) put('s', 'h', f.bodyHash);
    for (const a of f.storedAnchors) put('p', 'n', anchorField(a));
    const ownPart = members.find((m) => m.id === storyId)?.part ?? '';
    const storyWrites: (Buffer | string)[] = [idBuf, encodeStoryRecord(record), ownPart];
    const alias = Buffer.concat([Buffer.from([ALIAS_MARK]), idBuf]);
    for (const m of members) if (m.id !== storyId) storyWrites.push(Buffer.from(m.id, 'hex'), alias, m.part);
    // entries of partition p are looked up until partition p + spanParts ends; Redis drops them then
    const ttl = Math.max(1, (current + spanParts + 1) * partition - nowSec);
    return [
      String(current),
      String(ttl),
      String(POSTING_CAP),
      String(nWrites),
      ...writes,
      String(storyWrites.length / 3),
      ...storyWrites,
    ];
  }

  async function attempt(doc: DedupDocument, f: DocFeatures): Promise<DedupDecision | null> {
    const nowSec = Math.floor(now() / 1000);
    const parts = livePartitions(nowSec);
    const { probes, own, canon } = probesFor(doc, f);
    const gather = gatherArgs(parts, probes);
    // when no probe finds anything the article is a story of its own: READ writes it in the same round trip
    const selfId = articleStoryId(doc.articleId).toString('hex');
    const alone: StoryRecord = { mergedFrom: [], copies: [storedCopy(doc, f, 'first', 1)] };
    const res = await run(redis, READ, [
      ...gather,
      ...writeArgs(doc, f, { own, canon }, selfId, alone, [], nowSec),
    ]);
    if (!Array.isArray(res)) throw new Error(`dedup read returned no array for article ${doc.articleId}`);
    if (res.length === 1) return { status: 'new-story', story: toStoryState(selfId, alone) };
    const digest = asBuffer(res[0])?.toString('latin1') ?? '';
    const nValues = Number(res[1]);
    const values = res.slice(2, 2 + nValues).map((v) => asBuffer(v) ?? Buffer.alloc(0));
    const resolvedRaw = res.slice(2 + nValues);
    // raw id -> final id; final id -> record
    const finalOf = new Map<string, string>();
    const records = new Map<string, StoryRecord>();
    const partOf = new Map<string, string>();
    for (let i = 0; i + 3 < resolvedRaw.length; i += 4) {
      const raw = asBuffer(resolvedRaw[i]);
      const fin = asBuffer(resolvedRaw[i + 1]);
      const rec = asBuffer(resolvedRaw[i + 2]);
      const at = asBuffer(resolvedRaw[i + 3]);
      if (!raw || !fin || !rec || !at) continue;
      const finHex = fin.toString('hex');
      finalOf.set(raw.toString('hex'), finHex);
      if (!records.has(finHex)) {
        records.set(finHex, decodeStoryRecord(rec));
        partOf.set(finHex, at.toString());
      }
    }
    const storiesIn = (q: number): string[] => {
      const v = values[q];
      const out: string[] = [];
      if (!v) return out;
      for (let o = 0; o + 8 <= v.length; o += 8) {
        const fin = finalOf.get(v.subarray(o, o + 8).toString('hex'));
        if (fin && !out.includes(fin)) out.push(fin);
      }
      return out;
    };

    // already seen: same article id, or same own URL, or the same canonical URL from the same outlet
    // (another URL of the same page); the same canonical URL from another outlet is a syndicated copy
    const urlStories: string[] = [];
    probes.forEach((p, q) => {
      if (q >= 2 && (p.family === 'u' || p.family === 'c')) urlStories.push(...storiesIn(q));
    });
    const sameOutletUrl = urlStories.find((id) =>
      records.get(id)?.copies.some((c) => sameOutlet(c.source, doc.source)),
    );
    const seen = [...storiesIn(0), ...storiesIn(1)][0] ?? sameOutletUrl;
    if (seen) {
      const rec = records.get(seen);
      if (rec) return { status: 'already-seen', story: toStoryState(seen, rec) };
    }

    const matches = new Map<string, { matchedBy: MatchedBy; similarity: number }>();
    const consider = (id: string, matchedBy: MatchedBy, similarity: number): void => {
      if (!matches.has(id)) matches.set(id, { matchedBy, similarity });
    };
    probes.forEach((p, q) => {
      if (q < 2) return;
      if (p.family === 'u' || p.family === 'c') for (const id of storiesIn(q)) consider(id, 'url', 1);
      if (p.family === 'h') for (const id of storiesIn(q)) consider(id, 'hash', 1);
    });
    // candidates ranked by anchor hits; only the best few are confirmed, so cost stays flat
    const hits = new Map<string, number>();
    probes.forEach((p, q) => {
      if (p.family === 'n')
        for (const id of storiesIn(q)) if (!matches.has(id)) hits.set(id, (hits.get(id) ?? 0) + 1);
    });
    const nearCandidates = [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, maxCandidates)
      .map(([id]) => id);
    for (const id of nearCandidates) {
      const rec = records.get(id);
      if (!rec) continue;
      const j = judgeStory(f, rec.copies, {
        threshold,
        sketchSize: params.sketchSize,
        storedAnchorPositions: params.storedAnchorPositions,
        anchorHits: hits.get(id) ?? 0,
      });
      if (j) consider(id, 'near', j.similarity);
    }

    // union of all matched stories; the best match (exact layers first) names how the copy matched
    const ranked = [...matches.entries()].sort(
      (a, b) =>
        Number(b[1].matchedBy !== 'near') - Number(a[1].matchedBy !== 'near') ||
        b[1].similarity - a[1].similarity ||
        (a[0] < b[0] ? -1 : 1),
    );
    // A copy joins stories into one only when it holds them (give or take a lead, promo or footer): a
    // short lead-only copy contained in two stories (a report and a follow-up repeating its lead) says
    // nothing about the rest of them, and joins only the story it matches best.
    const memberIds = ranked
      .map(([id]) => id)
      .filter((id) => records.has(id))
      .filter(
        (id, k) =>
          k === 0 ||
          matches.get(id)?.matchedBy !== 'near' ||
          fullestSize(records.get(id)?.copies ?? []) <= BRIDGE_SLACK * f.distinct.length,
      );
    const first = memberIds.length > 0 ? matches.get(memberIds[0] ?? '') : undefined;
    const copy = storedCopy(doc, f, first ? first.matchedBy : 'first', first ? first.similarity : 1);
    const newId =
      idPolicy === 'first-seen' && memberIds.length > 0
        ? ([...memberIds].sort()[0] ?? selfId)
        : ([selfId, ...memberIds].sort()[0] ?? selfId);
    const mergedFrom = new Set<string>();
    const copies: StoredCopy[] = [];
    for (const id of memberIds) {
      const rec = records.get(id);
      if (!rec) continue;
      for (const m of rec.mergedFrom) mergedFrom.add(m);
      if (id !== newId) mergedFrom.add(id);
      copies.push(...rec.copies);
    }
    copies.push(copy);
    mergedFrom.delete(newId);
    const record: StoryRecord = { mergedFrom: [...mergedFrom], copies: boundCopies(copies) };

    const members = memberIds.map((id) => ({ id, part: partOf.get(id) ?? '' }));
    const ok = await run(redis, COMMIT, [
      ...gather,
      digest,
      ...writeArgs(doc, f, { own, canon }, newId, record, members, nowSec),
    ]);
    if (Number(ok) !== 1) return null;
    return {
      status: memberIds.length === 0 ? 'new-story' : 'new-copy',
      story: toStoryState(newId, record),
    };
  }

  /**
   * The sentences at the ends of this article that its outlet has already used in three unrelated stories
   * (cookie notices, newsletter and comment-policy lines...): boilerplate, whatever their wording. The
   * statistics live per outlet in one bounded hash that expires with the window (see `lua/boilerplate.lua`).
   */
  async function outletBoilerplate(doc: DedupDocument, keys: number[]): Promise<Set<number>> {
    if (keys.length === 0 || doc.source.trim().length === 0) return new Set();
    const flags = await scripts.dedupBoilerplate(
      outletBoilerplateKey(prefix, doc.source),
      'r',
      '',
      window,
      OUTLET_SENTENCE_CAP,
      ...keys.map(key4),
    );
    return new Set(keys.filter((_, i) => Array.isArray(flags) && flags[i] === 1));
  }

  /** Counts the article's edge sentences for its outlet, once per story (copies of one story count once). */
  async function countOutletSentences(doc: DedupDocument, keys: number[], storyId: string): Promise<void> {
    if (keys.length === 0 || doc.source.trim().length === 0) return;
    await scripts.dedupBoilerplate(
      outletBoilerplateKey(prefix, doc.source),
      'w',
      Buffer.from(storyId, 'hex').subarray(0, 4),
      window,
      OUTLET_SENTENCE_CAP,
      ...keys.map(key4),
    );
  }

  async function assign(doc: DedupDocument): Promise<DedupDecision> {
    const edgeKeys = edgeSentenceKeys(doc.text);
    const f = computeFeatures(doc.text, doc.attribution, params, await outletBoilerplate(doc, edgeKeys));
    for (let i = 0; i < maxRetries; i++) {
      const d = await attempt(doc, f);
      if (d) {
        if (d.status !== 'already-seen') await countOutletSentences(doc, edgeKeys, d.story.storyId);
        return d;
      }
    }
    throw new DedupConflictError(doc.articleId, maxRetries);
  }

  return { assign, getStory };
}
