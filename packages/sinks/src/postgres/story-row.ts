import type { StoryRecord } from '@wirehose/schemas';

/** Countries (ISO-3166 alpha-3 or `IGO`) of a record's event actors, sorted, without duplicates. */
export function recordCountries(record: StoryRecord): string[] {
  const countries = new Set<string>();
  for (const event of record.events) {
    for (const actor of [event.source, event.speaker, ...event.targets]) {
      if (actor?.country) countries.add(actor.country);
    }
  }
  return [...countries].sort();
}

/** PLOVER event types of a record, sorted, without duplicates. */
export function recordEventTypes(record: StoryRecord): string[] {
  return [...new Set(record.events.map((e) => e.type))].sort();
}
