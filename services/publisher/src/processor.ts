import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DedupIndex } from '@wirehose/dedup';
import type { Logger } from '@wirehose/logger';
import type { Article, PublishJob, StoryRecord } from '@wirehose/schemas';
import type { Stores } from '@wirehose/store';
import { buildRecordContent, finishRecord, hashContent } from './build-record.js';
import { loadStoryEventVariants } from './story-events.js';
import { supersededRecord } from './supersede.js';
import type { FanOut } from './fan-out.js';

export interface PublishDeps {
  redis: Redis;
  stores: Stores;
  index: DedupIndex;
  /** Queues the record for every sink. */
  fanOut: Pick<FanOut, 'publish'>;
  now?: () => Date;
}

/** Another publisher stored a version of this story between our read and our write; the job retries. */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
  constructor(readonly storyId: string) {
    super(`record of story ${storyId} changed while publishing; retrying`);
  }
}

// Store the record only if the stored version is still the one we read (compare-and-set). The record
// expires ARGV[5] seconds after its last version; index entries older than that (ARGV[6]) are dropped.
const STORE_IF_VERSION = `
local cur = redis.call('GET', KEYS[1])
local curVersion = 0
if cur then curVersion = cjson.decode(cur).version end
if curVersion ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[6])
return 1`;

// Retire a merged-away story's record (same compare-and-set), and drop it from the index of live records.
const SUPERSEDE_IF_VERSION = `
local cur = redis.call('GET', KEYS[1])
local curVersion = 0
if cur then curVersion = cjson.decode(cur).version end
if curVersion ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[4])
redis.call('ZREM', KEYS[2], ARGV[3])
return 1`;

/**
 * Build the story's record; if its content changed since the stored version, store it as version + 1.
 * Then queue one job per sink for the stored record (sinks skip versions they already applied), so a
 * retry, or a publish with unchanged content, still reaches a sink that missed the record.
 */
export function createPublishProcessor(deps: PublishDeps) {
  const now = deps.now ?? (() => new Date());
  return async function processPublish(job: PublishJob, log: Logger) {
    const story = await deps.index.getStory(job.storyId);
    if (!story) throw new UnrecoverableError(`story ${job.storyId} is not in the dedup index (expired?)`);
    const found = await deps.stores.articles.getMany(story.copies.map((c) => c.articleId));
    const articles = new Map<string, Article>(
      found.filter((a): a is Article => a !== null).map((a) => [a.articleId, a]),
    );
    // The job may name an id the story had before a merge or rename; the index resolves it.
    const storyId = story.storyId;
    const events = await loadStoryEventVariants((id) => deps.stores.events.get(id), story);
    const content = buildRecordContent(story, articles, events);
    const previous = await deps.stores.records.get(storyId);
    const keys = deps.stores.keys;
    let record: StoryRecord;
    if (previous && previous.contentHash === hashContent(content)) {
      record = previous;
    } else {
      record = finishRecord(content, (previous?.version ?? 0) + 1, now());
      const stored = await deps.redis.eval(
        STORE_IF_VERSION,
        2,
        keys.record(record.id),
        keys.recordIndex(),
        previous?.version ?? 0,
        JSON.stringify(record),
        Date.parse(record.publishedAt),
        record.id,
        deps.stores.recordTtlSeconds,
        now().getTime() - deps.stores.recordTtlSeconds * 1000,
      );
      if (stored !== 1) throw new VersionConflictError(record.id);
    }
    await deps.fanOut.publish(record, job.reason);
    // Stories folded into this one: publish, once, a record that retires each (status "merged").
    const superseded: string[] = [];
    for (const oldId of story.mergedFrom) {
      if (oldId === storyId) continue;
      const old = await deps.stores.records.get(oldId);
      if (!old || (old.status === 'merged' && old.mergedInto === storyId)) continue;
      const retired = supersededRecord(old, storyId, now());
      const stored = await deps.redis.eval(
        SUPERSEDE_IF_VERSION,
        2,
        keys.record(oldId),
        keys.recordIndex(),
        old.version,
        JSON.stringify(retired),
        oldId,
        deps.stores.recordTtlSeconds,
      );
      if (stored !== 1) throw new VersionConflictError(oldId);
      await deps.fanOut.publish(retired, job.reason);
      superseded.push(oldId);
    }
    const changed = previous?.version !== record.version;
    log.info(
      { storyId: record.id, version: record.version, copies: record.copies.length, changed, superseded },
      'published',
    );
    return { version: record.version, changed, superseded };
  };
}
