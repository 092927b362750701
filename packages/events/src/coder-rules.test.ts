import { describe, expect, it } from 'vitest';
import { createEventCoder } from './coder.js';
import type { CodedEvent } from './types.js';

const coder = createEventCoder();
const code = (text: string): CodedEvent[] => coder.code({ text, publishedAt: '2000-01-05T12:00:00Z' });
const dyads = (events: CodedEvent[]): string[] =>
  events.map((e) => `${e.source?.code ?? '-'}>${e.targets.map((t) => t.code).join('+') || '-'}:${e.type}`);

describe('reciprocal interactions', () => {
  it('codes both parties of talks "with" a partner as sources', () => {
    expect(dyads(code('China held talks with North Korea on Monday.'))).toEqual([
      'CHN>-:CONSULT',
      'PRK>-:CONSULT',
    ]);
    expect(dyads(code('Afghanistan has been sharing intelligence with Pakistan.'))).toEqual([
      'AFG>-:COOPERATE',
      'PAK>-:COOPERATE',
    ]);
  });

  it('treats the object of a phone call as the other party', () => {
    expect(dyads(code('The German chancellor telephoned the French president on Tuesday.'))).toEqual([
      'DEUGOV>-:CONSULT',
      'FRAGOV>-:CONSULT',
    ]);
  });

  it('keeps the direction of visits and meetings', () => {
    expect(dyads(code('Japanese Prime Minister Koizumi visited China.'))).toEqual(['JPNGOV>CHN:CONSULT']);
  });

  it('codes a nominal event with a coordinated subject for each party', () => {
    expect(dyads(code('Israel and Lebanon renewed negotiations today.'))).toEqual([
      'ISR>-:CONSULT',
      'LBN>-:CONSULT',
    ]);
  });
});

describe('disaster filter', () => {
  it('does not read the verbs "storm" and "opened fire" as a storm or a fire', () => {
    expect(
      dyads(
        code(
          'Georgian President Eduard Shevardnadze resigned as the opposition threatened to storm his residence.',
        ),
      ),
    ).toContain('GEOGOV>-:RETREAT');
    expect(dyads(code('Egyptian police opened fire on demonstrators in Cairo.'))).toEqual([
      'EGYCOP>EGYCVL:ASSAULT',
    ]);
  });
});

describe('protest targets', () => {
  it("directs a protest without a named target at the protesters' government, after country inference", () => {
    expect(
      dyads(code('Thousands of students throughout Indonesia staged mass demonstrations on Saturday.')),
    ).toEqual(['IDNCVL>IDNGOV:PROTEST']);
  });
});
