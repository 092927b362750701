import { StoryRecordSchema, type StoryRecord } from '@wirehose/schemas';
import { hashContent } from './build-record.js';

/**
 * The record that retires a story folded into another: its last content, `status: "merged"`, pointing at
 * the surviving story, one version up so every sink takes it.
 */
export function supersededRecord(previous: StoryRecord, mergedInto: string, now: Date): StoryRecord {
  const { version: _v, publishedAt: _p, contentHash: _h, ...content } = previous;
  const next = { ...content, status: 'merged' as const, mergedInto };
  return StoryRecordSchema.parse({
    ...next,
    version: previous.version + 1,
    contentHash: hashContent(next),
    publishedAt: now.toISOString(),
  });
}
