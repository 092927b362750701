import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  ArticleSchema,
  StoryEventSchema,
  StoryRecordSchema,
  type Article,
  type StoryEvent,
  type StoryRecord,
} from '@wirehose/schemas';
import { dataKeys } from './keys.js';

export interface StoreOptions {
  redis: Redis;
  prefix: string;
  /** How long fetched HTML is kept for the extractor (which deletes it once it has handed on). */
  htmlTtlSeconds?: number;
  /**
   * How long articles, events and published records are kept (the dedup window, with margin); a
   * record's time restarts with each new version, and the record index drops entries older than it.
   */
  dataTtlSeconds?: number;
}

/** The retention settings of `createStores`, as services receive them (`StageDeps.retention`). */
export type StoreRetention = Pick<StoreOptions, 'htmlTtlSeconds' | 'dataTtlSeconds'>;

/** A stable short id for a URL or any string key. */
export function hashId(value: string, length = 24): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/** The data stages hand to each other by reference: HTML, articles, events and published records. */
export function createStores({
  redis,
  prefix,
  htmlTtlSeconds = 24 * 3600,
  dataTtlSeconds = 14 * 24 * 3600,
}: StoreOptions) {
  const keys = dataKeys(prefix);

  async function getJson<T>(key: string, parse: (v: unknown) => T): Promise<T | null> {
    const raw = await redis.get(key);
    return raw === null ? null : parse(JSON.parse(raw));
  }

  return {
    keys,
    /** Seconds a record is kept after its last version (see `dataTtlSeconds`). */
    recordTtlSeconds: dataTtlSeconds,
    html: {
      async put(id: string, html: string): Promise<string> {
        const key = keys.html(id);
        await redis.set(key, html, 'EX', htmlTtlSeconds);
        return key;
      },
      get: (key: string) => redis.get(key),
      /** Drop fetched HTML once the extractor has handed the article on. */
      async delete(key: string): Promise<void> {
        await redis.unlink(key);
      },
    },
    articles: {
      async put(article: Article): Promise<void> {
        await redis.set(
          keys.article(article.articleId),
          JSON.stringify(ArticleSchema.parse(article)),
          'EX',
          dataTtlSeconds,
        );
      },
      get: (id: string) => getJson(keys.article(id), (v) => ArticleSchema.parse(v)),
      async getMany(ids: readonly string[]): Promise<(Article | null)[]> {
        // One GET per key (sent together), not MGET: on a Redis Cluster the articles sit in many slots.
        const raws = await Promise.all(ids.map((id) => redis.get(keys.article(id))));
        return raws.map((raw) => (raw === null ? null : ArticleSchema.parse(JSON.parse(raw))));
      },
    },
    events: {
      async put(storyId: string, events: readonly StoryEvent[]): Promise<void> {
        await redis.set(keys.events(storyId), JSON.stringify(events), 'EX', dataTtlSeconds);
      },
      get: (storyId: string) => getJson(keys.events(storyId), (v) => StoryEventSchema.array().parse(v)),
    },
    records: {
      get: (storyId: string) => getJson(keys.record(storyId), (v) => StoryRecordSchema.parse(v)),
      async put(record: StoryRecord): Promise<void> {
        await redis
          .multi()
          .set(keys.record(record.id), JSON.stringify(record), 'EX', dataTtlSeconds)
          .zadd(keys.recordIndex(), Date.parse(record.publishedAt), record.id)
          .zremrangebyscore(keys.recordIndex(), '-inf', `(${Date.now() - dataTtlSeconds * 1000}`)
          .exec();
      },
      /** Story ids of records published at or after `since`, oldest first. */
      idsSince: (since: Date) => redis.zrangebyscore(keys.recordIndex(), since.getTime(), '+inf'),
    },
  };
}
export type Stores = ReturnType<typeof createStores>;
