import type { StoryRecord } from '@wirehose/schemas';
import { recordCountries, recordEventTypes } from './postgres/story-row.js';
import type { WebhookFilter } from './sinks-config.js';

/**
 * Whether a record passes a subscriber's filter. Each given list must match (AND across lists); within
 * a list one match is enough (OR). Comparisons ignore case. No filter passes everything.
 */
export function matchesFilter(record: StoryRecord, filter: WebhookFilter | undefined): boolean {
  if (!filter) return true;
  const anyOf = (wanted: readonly string[] | undefined, have: readonly string[]): boolean => {
    if (!wanted || wanted.length === 0) return true;
    const set = new Set(have.map((v) => v.toLowerCase()));
    return wanted.some((w) => set.has(w.toLowerCase()));
  };
  const sources = [
    record.story.original.source,
    ...record.story.outlets,
    ...record.copies.map((c) => c.source),
  ];
  return (
    anyOf(filter.eventTypes, recordEventTypes(record)) &&
    anyOf(filter.countries, recordCountries(record)) &&
    anyOf(filter.sources, sources)
  );
}
