import type { CodedEvent } from '@wirehose/events';
import type { StoryEvent } from '@wirehose/schemas';

/** Key of "the same event": type, source country and sector, and the set of targets. */
function eventKey(event: CodedEvent): string {
  const targets = event.targets.map((t) => t.code).sort();
  return [event.type, event.source?.code ?? '-', ...targets].join('|');
}

/**
 * One story event per distinct (type, source, targets): an article that states its main event in three
 * sentences reports it once, with `mentions.sentences` = 3 and the most confident sentence as evidence.
 * Copy and outlet counts are filled in by the publisher, which sees every copy.
 */
export function collapseEvents(events: readonly CodedEvent[], articleId: string): StoryEvent[] {
  const groups = new Map<string, { best: CodedEvent; sentences: number; texts: Set<string> }>();
  for (const event of events) {
    const key = eventKey(event);
    const group = groups.get(key);
    if (!group) groups.set(key, { best: event, sentences: 1, texts: new Set([event.evidence.sentence]) });
    else {
      group.sentences += 1;
      group.texts.add(event.evidence.sentence);
      if (event.confidence > group.best.confidence) group.best = event;
    }
  }
  return [...groups.values()].map(({ best, sentences, texts }) => ({
    id: best.id,
    type: best.type,
    mode: best.mode,
    cameo: best.cameo,
    source: best.source,
    targets: best.targets,
    date: best.date,
    dateBasis: best.dateBasis,
    location: best.location,
    locationCountry: best.locationCountry ?? null,
    polarity: best.polarity,
    speaker: best.speaker,
    evidence: {
      sentence: best.evidence.sentence,
      start: best.evidence.start,
      end: best.evidence.end,
      field: best.evidence.field ?? 'text',
      articleId,
      otherSentences: [...texts].filter((t) => t !== best.evidence.sentence).slice(0, 5),
    },
    confidence: best.confidence,
    mentions: { sentences, copies: 1, outlets: 1 },
  }));
}
