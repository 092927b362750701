import type { StoryRecord } from '@wirehose/schemas';

/** What a sink did with one record. `skipped`: it already had this version (or a newer one). */
export type SinkOutcome = 'written' | 'skipped';

/**
 * A destination for published records. Delivery is at-least-once, so `write` must be idempotent:
 * a record whose `id` and `version` the sink already applied is skipped, and an older version never
 * replaces a newer one.
 */
export interface Sink {
  readonly name: string;
  write(record: StoryRecord): Promise<SinkOutcome>;
  close(): Promise<void>;
}
