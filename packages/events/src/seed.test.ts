import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEventCoder } from './coder.js';
import { mainEvents } from './main-events.js';

// The seed article lives in the shared workspace, outside the repository.
const seedPath = new URL('../../../../shared/seed-article.txt', import.meta.url);
const hasSeed = existsSync(seedPath);
if (!hasSeed)
  process.stderr.write(
    `seed article tests skipped: ${seedPath.pathname} is absent (the shared workspace is not mounted)\n`,
  );
const raw = hasSeed ? readFileSync(seedPath, 'utf8') : '\n';
const newline = raw.indexOf('\n');
const input = {
  title: raw.slice(0, newline),
  text: raw.slice(newline + 1),
  publishedAt: '2025-10-31T12:00:00Z',
};

describe.skipIf(!hasSeed)('seed article', () => {
  const coder = createEventCoder();
  const events = coder.code(input);

  it('codes Venezuela requesting military aid from Russia, China and Iran as one event per sentence', () => {
    const requests = events.filter(
      (e) =>
        e.type === 'REQUEST' &&
        e.targets
          .map((t) => t.country)
          .sort()
          .join(',') === 'CHN,IRN,RUS',
    );
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const e of requests) {
      expect(e.source?.country).toBe('VEN');
      expect(e.mode).toBe('military');
      expect(e.cameo.code).toMatch(/^023/);
      expect(e.cameo.goldstein).toBeGreaterThan(0);
      expect(e.polarity).toBe('asserted');
    }
    expect(requests.some((e) => e.source?.code === 'VENGOV' && e.source.text.includes('Maduro'))).toBe(true);
    // One event per sentence.
    expect(new Set(requests.map((e) => `${e.evidence.field ?? 'text'}:${e.evidence.start}`)).size).toBe(
      requests.length,
    );
  });

  it('reports no assault for "does not plan to strike"', () => {
    expect(events.filter((e) => e.type === 'ASSAULT')).toEqual([]);
    const all = createEventCoder({ includeNonAsserted: true }).code(input);
    const strike = all.find((e) => e.type === 'ASSAULT');
    expect(strike?.polarity).toBe('negated');
    expect(strike?.speaker?.code).toBe('USAGOV');
  });

  it('collapses the repeated main event into one with a mention count', () => {
    const main = mainEvents(events);
    const top = main[0];
    expect(top?.type).toBe('REQUEST');
    expect(top?.source?.code).toBe('VENGOV');
    expect(top?.targets.map((t) => t.code).sort()).toEqual(['CHN', 'IRN', 'RUS']);
    expect(top?.mentions).toBeGreaterThanOrEqual(4);
  });

  it('points evidence offsets at the sentence in the text', () => {
    for (const e of events.filter((x) => x.evidence.field !== 'title')) {
      expect(input.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.sentence);
    }
  });
});
