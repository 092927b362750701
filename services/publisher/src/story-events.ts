import type { StoryEvent } from '@wirehose/schemas';

/** The same event: type, source and the set of targets. */
export function storyEventKey(event: StoryEvent): string {
  return [event.type, event.source?.code ?? '-', ...event.targets.map((t) => t.code).sort()].join('|');
}

/**
 * The events of a story whose copies may have been coded under other story ids before the stories were
 * found to be one (`mergedFrom`): the union, each event once, the story's own first.
 */
export async function loadStoryEvents(
  get: (storyId: string) => Promise<StoryEvent[] | null>,
  story: { storyId: string; mergedFrom: readonly string[] },
): Promise<StoryEvent[]> {
  const lists = await Promise.all([story.storyId, ...story.mergedFrom].map((id) => get(id)));
  const byKey = new Map<string, StoryEvent>();
  for (const list of lists) {
    for (const event of list ?? []) {
      const key = storyEventKey(event);
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, event);
      else if (event.mentions.sentences > seen.mentions.sentences) {
        byKey.set(key, { ...event, mentions: { ...event.mentions } });
      }
    }
  }
  return [...byKey.values()];
}

/**
 * Every event coded under the story's ids (its own first), duplicates included, so that the record
 * builder can keep, of each event, the version whose evidence most copies state.
 */
export async function loadStoryEventVariants(
  get: (storyId: string) => Promise<StoryEvent[] | null>,
  story: { storyId: string; mergedFrom: readonly string[] },
): Promise<StoryEvent[]> {
  const lists = await Promise.all([story.storyId, ...story.mergedFrom].map((id) => get(id)));
  return lists.flatMap((list) => list ?? []);
}
