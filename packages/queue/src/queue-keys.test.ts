import { describe, expect, it } from 'vitest';
import { hashTagOf, queueHashTag, queueKey, queuePrefix, sameSlotKey } from './queue-keys.js';
import { STAGE_QUEUES, deadLetterQueue } from './queues.js';

describe('queue hash tags', () => {
  it('gives every stage queue a tag of its own, so the queues spread over a cluster', () => {
    const tags = [...STAGE_QUEUES, deadLetterQueue].map((q) => queueHashTag(q.name));
    expect(new Set(tags).size).toBe(tags.length);
  });

  it('puts the sink queues in the publish slot, where their flow parent lives', () => {
    expect(queueHashTag('publish-ndjson')).toBe('publish');
    expect(hashTagOf(queueKey('wh', 'publish-webhook', 'wait'))).toBe(
      hashTagOf(queueKey('wh', 'publish', 'wait')),
    );
  });

  it('keeps every key under the deployment prefix, with the tag right after it', () => {
    expect(queuePrefix('wh', 'fetch')).toBe('wh:{fetch}');
    expect(queueKey('wh', 'extract-events', 'wait')).toBe('wh:{extract-events}:extract-events:wait');
  });
});

describe('hashTagOf and sameSlotKey', () => {
  it('follows the Redis Cluster rule: first "{" to the next "}", when not empty', () => {
    expect(hashTagOf('a:{b}:c{d}')).toBe('b');
    expect(hashTagOf('a:{}:{b}')).toBeNull();
    expect(hashTagOf('plain:key')).toBeNull();
  });

  it('places a sibling key in the slot of an untagged or a tagged key', () => {
    expect(sameSlotKey('wh:records', 'versions')).toBe('{wh:records}:versions');
    expect(hashTagOf(sameSlotKey('wh:records', 'versions'))).toBe('wh:records');
    expect(sameSlotKey('wh:{records}:stream', 'versions')).toBe('wh:{records}:stream:versions');
  });

  it('refuses a key with a stray "}" that no sibling can share a slot with', () => {
    expect(() => sameSlotKey('odd}key', 'x')).toThrow(/rename it/);
  });
});
