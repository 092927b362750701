import type { Actor, CodedEvent } from './types.js';

/** A story's event counted once, with how many sentences state it. */
export interface MainEvent extends CodedEvent {
  mentions: number;
  /** Ids of the collapsed sentence-level events. */
  eventIds: string[];
}

function countryKey(actor: Actor | null): string {
  return actor?.country ?? actor?.code ?? '-';
}

function specificity(e: CodedEvent): number {
  return (
    (e.source?.sector ? 2 : 0) +
    e.targets.filter((t) => t.sector).length +
    (e.mode ? 1 : 0) +
    e.cameo.code.length / 10
  );
}

/**
 * Collapses events that report the same thing — same type, source country and set of target
 * countries — into one, keeping the most specific coding (e.g. VENGOV over VEN) and counting
 * mentions. Order follows first appearance.
 */
export function mainEvents(events: readonly CodedEvent[]): MainEvent[] {
  const groups = new Map<string, CodedEvent[]>();
  for (const e of events) {
    const key = [
      e.type,
      e.polarity,
      countryKey(e.source),
      [...new Set(e.targets.map(countryKey))].sort().join(','),
    ].join('|');
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  const result: MainEvent[] = [];
  for (const list of groups.values()) {
    const best = list.reduce((a, b) => (specificity(b) > specificity(a) ? b : a));
    result.push({
      ...best,
      confidence: Math.max(...list.map((e) => e.confidence)),
      mentions: list.length,
      eventIds: list.map((e) => e.id),
    });
  }
  return result.sort((a, b) => b.mentions - a.mentions);
}
