import { describe, expect, it } from 'vitest';
import { createEventCoder } from './coder.js';
import type { CodedEvent } from './types.js';

const coder = createEventCoder();
const everything = createEventCoder({ includeNonAsserted: true });
const PUBLISHED = '2025-10-31T12:00:00Z'; // a Friday

const code = (text: string): CodedEvent[] => coder.code({ text, publishedAt: PUBLISHED });
const codeAll = (text: string): CodedEvent[] => everything.code({ text, publishedAt: PUBLISHED });
const dyads = (events: CodedEvent[]): string[] =>
  events.map((e) => `${e.source?.code ?? '-'}>${e.targets.map((t) => t.code).join('+') || '-'}:${e.type}`);

describe('negation', () => {
  it('drops negated events by default and marks them when asked', () => {
    const text = 'Israel did not attack Lebanon.';
    expect(code(text)).toEqual([]);
    expect(codeAll(text).map((e) => [e.type, e.polarity])).toEqual([['ASSAULT', 'negated']]);
  });

  it('treats a denial as negation of the denied act', () => {
    expect(codeAll('Russia denied attacking Ukraine.').find((e) => e.type === 'ASSAULT')?.polarity).not.toBe(
      'asserted',
    );
  });

  it('negates what a denial or a rejected allegation reports', () => {
    expect(
      code('The Taliban denied that its fighters attacked the police station in Kabul.').filter(
        (e) => e.type === 'ASSAULT',
      ),
    ).toEqual([]);
    expect(
      code('Moscow rejected allegations that Russian aircraft bombed a convoy near Aleppo.').filter(
        (e) => e.type === 'ASSAULT',
      ),
    ).toEqual([]);
  });

  it('codes a refusal to accept as a rejection', () => {
    expect(dyads(code('Turkey says it will not accept further Syrian refugees.'))).toContain(
      'TUR>SYRREF:REJECT',
    );
  });
});

describe('hypothetical and future', () => {
  it('marks conditional and modal events as hypothetical', () => {
    const events = codeAll('Iran could attack Israel if talks fail.');
    expect(code('Iran could attack Israel if talks fail.').filter((e) => e.type === 'ASSAULT')).toEqual([]);
    expect(events.find((e) => e.type === 'ASSAULT')?.polarity).toBe('hypothetical');
  });

  it('marks planned events as future and codes a stated plan to attack as a threat', () => {
    const events = codeAll('Turkey plans to attack Kurdish rebels in Syria.');
    expect(events.find((e) => e.type === 'ASSAULT')?.polarity).toBe('future');
    expect(dyads(code('Turkey plans to attack Kurdish rebels in Syria.'))).toEqual(['TUR>SYRREB:THREATEN']);
  });

  it('codes a firm promise of cooperation as AGREE', () => {
    expect(dyads(code('The United Nations will provide food aid to refugees in Liberia.'))).toEqual([
      'IGOUNO>LBRREF:AGREE',
    ]);
  });

  it('keeps the governing verb as the event: "threatened to shell"', () => {
    expect(dyads(code('Iran threatened to bomb Iraqi villages.'))).toEqual(['IRN>IRQCVL:THREATEN']);
  });
});

describe('coordination', () => {
  it('makes one event with several targets for a coordinated list', () => {
    expect(dyads(code('Venezuela has requested military support from Russia, China, and Iran.'))).toEqual([
      'VEN>RUS+CHN+IRN:REQUEST',
    ]);
  });

  it('distributes a sector over coordinated country adjectives', () => {
    const [event] = code('Somalia accused US and British forces of abuses.');
    expect(event?.targets.map((t) => t.code)).toEqual(['USAMIL', 'GBRMIL']);
  });
});

describe('passive voice', () => {
  it('takes the agent after "by" as source and the subject as target', () => {
    expect(dyads(code('Ukrainian soldiers were attacked by Russian troops near Kharkiv.'))).toEqual([
      'RUSMIL>UKRMIL:ASSAULT',
    ]);
  });

  it('reads a reduced relative: "planes sanctioned by the U.S."', () => {
    expect(dyads(code('Russian planes sanctioned by the U.S. landed in Caracas.'))).toContain(
      'USA>RUSMIL:SANCTION',
    );
  });
});

describe('titles, names and metonyms', () => {
  it('codes a leader by country adjective, title and name', () => {
    const [event] = code('Russian President Vladimir Putin praised Venezuelan President Nicolas Maduro.');
    expect(event?.source).toEqual({
      code: 'RUSGOV',
      country: 'RUS',
      sector: 'GOV',
      text: 'Russian President Vladimir Putin',
    });
    expect(event?.targets[0]?.code).toBe('VENGOV');
  });

  it('codes a known name without a country word', () => {
    expect(dyads(code('President Nicolas Maduro condemned Colombia.'))).toEqual(['VENGOV>COL:ACCUSE']);
  });

  it('reads capitals and the Kremlin as governments, and organisations with IGO codes', () => {
    expect(dyads(code('The Kremlin rejected a proposal from NATO.'))).toEqual(['RUSGOV>IGONAT:REJECT']);
    expect(dyads(code('Beijing criticized the United Nations.'))).toEqual(['CHNGOV>IGOUNO:ACCUSE']);
  });

  it('attaches a post-modifying country: "police in Guinea"', () => {
    expect(dyads(code('Police in Guinea arrested opposition leaders.'))).toEqual(['GINCOP>GINOPP:COERCE']);
  });
});

describe('reported speech', () => {
  it('keeps the speaker as source of a verbal event stated by a pronoun', () => {
    const [event] = code('"We reject these accusations," the Iranian foreign ministry said.');
    expect(event?.type).toBe('REJECT');
    expect(event?.source?.code).toBe('IRNGOV');
    expect(event?.speaker?.code).toBe('IRNGOV');
  });

  it('codes the reported actor, not the speaker, when the content has its own subject', () => {
    const [event] = code('Ukraine said Russian troops shelled Kharkiv on Sunday.');
    expect(event?.source?.code).toBe('RUSMIL');
    expect(event?.speaker?.code).toBe('UKR');
  });

  it('codes "X said Y must …" as a demand of Y by X', () => {
    expect(dyads(code('The Red Cross said that US and British troops must protect civilians.'))).toEqual([
      'IGOIRC>USAMIL+GBRMIL:REQUEST',
    ]);
  });
});

describe('dates and locations', () => {
  it('dates the event from the text and falls back to the publication date', () => {
    const [onSunday] = code('Russian troops shelled Kharkiv on Sunday.');
    expect([onSunday?.date, onSunday?.dateBasis]).toEqual(['2025-10-26', 'text']);
    const [undated] = code('Russian troops shelled Kharkiv.');
    expect([undated?.date, undated?.dateBasis]).toEqual(['2025-10-31', 'published']);
  });

  it('takes the place named in the sentence as location', () => {
    expect(code('Protesters rallied against the government in Caracas.')[0]?.location).toBe('Caracas');
    expect(code('Gunmen attacked a police station in Marieholm.')[0]?.location).toBe('Marieholm');
  });
});

describe('non-political text', () => {
  it('codes no event for disasters and accidents', () => {
    expect(code('A strong earthquake killed eight people in Java on Monday.')).toEqual([]);
    expect(code('A tsunami killed 43 people and injured hundreds, officials said.')).toEqual([]);
    expect(code('Police seized guns and drugs in a raid on two homes.')).toEqual([]);
  });
});

describe('event identity', () => {
  it('gives the same id to the same event coded twice', () => {
    const a = code('Israel attacked Gaza.');
    const b = code('Israel attacked Gaza.');
    expect(a[0]?.id).toBe(b[0]?.id);
    expect(a[0]?.id).toMatch(/^[0-9a-f]{16}$/);
  });
});
