import { describe, expect, it } from 'vitest';
import { findMentions } from './actors.js';
import { createEventCoder } from './coder.js';
import { loadLexicon } from './lexicon/load-lexicon.js';
import { tokenize } from './tokenize.js';
import type { CodedEvent } from './types.js';

const coder = createEventCoder();
const code = (text: string): CodedEvent[] => coder.code({ text, publishedAt: '2000-01-05T12:00:00Z' });
const dyads = (events: CodedEvent[]): string[] =>
  events.map((e) => `${e.source?.code ?? '-'}>${e.targets.map((t) => t.code).join('+') || '-'}:${e.type}`);
const lexicon = loadLexicon();
const actorCodes = (text: string): string[] =>
  findMentions(tokenize(text), text, 0, lexicon).flatMap((m) => m.actors.map((a) => a.code));

describe('people by name', () => {
  it('knows heads of state and government by surname after a bare title', () => {
    expect(dyads(code('President Bush threatened Russia with new measures.'))).toEqual([
      'USAGOV>RUS:THREATEN',
    ]);
    expect(actorCodes('Prime Minister Sharon met Chancellor Kohl.')).toEqual(['ISRGOV', 'DEUGOV']);
  });

  it('matches a one-word name only with its capital letter', () => {
    expect(actorCodes('Bush visited Moscow.')).toEqual(['USAGOV', 'RUSGOV']);
    expect(actorCodes('Rebels hid in the bush near the border.')).toEqual(['---REB']);
  });
});

describe('titles', () => {
  it('allows title words such as "Vice" between a country and a title', () => {
    expect(actorCodes("Taiwan's Vice Foreign Minister arrived in Japan.")).toEqual(['TWNGOV', 'JPN']);
  });

  it('codes a former office holder as an elite', () => {
    expect(actorCodes('Former President Aristide left Haiti.')).toEqual(['HTIELI', 'HTI']);
    expect(actorCodes('Ousted president Askar Akayev spoke.')).toEqual(['KGZELI']);
  });
});

describe('noun phrases that are not actors', () => {
  it('reads "official" before a noun as an adjective', () => {
    expect(
      dyads(
        code('Palestinian leaders said on Friday they would boycott every official contact with Canada.'),
      ),
    ).toEqual(['PSEGOV>CAN:THREATEN']);
  });

  it('does not take what the subject owns ("its troops") as the target', () => {
    expect(dyads(code("Egypt offered its soldiers to Jordan's King Hussein."))).toEqual(['EGY>JORGOV:AGREE']);
  });
});

describe('country of a coordinated or led actor', () => {
  it('shares a country adjective with a coordinated bare sector word', () => {
    expect(actorCodes('Israeli helicopters and tanks shelled Rafah.')).toEqual(['ISRMIL', 'ISRMIL', 'PSE']);
  });

  it('reads "Vietnamese-led forces" as Vietnamese forces, not "Syrian-backed" militias as Syrian', () => {
    expect(actorCodes('Vietnamese-led forces attacked.')).toEqual(['VNMMIL']);
    expect(actorCodes('The Syrian-backed militia attacked.')).toEqual(['---REB']);
  });
});

describe('organisations', () => {
  it('codes armed movements by their country and international bodies as IGO', () => {
    expect(actorCodes('UNITA rebels fought the MPLA government.')).toEqual(['AGOREB', 'AGOGOV']);
    expect(actorCodes('The International Labor Office and the Red Cross spoke.')).toEqual([
      'IGOILO',
      'IGOIRC',
    ]);
  });
});

describe('peoples, bodies and lists', () => {
  it("codes a people living in another country as that country's population", () => {
    expect(actorCodes('Bosnian Serbs demanded a truce.')).toEqual(['BIHCVL']);
  });

  it('reads the holder of a title of a body as an actor of that body', () => {
    expect(actorCodes('On Monday French National Assembly president Fabius spoke.')).toEqual(['FRALEG']);
  });

  it('keeps a list together across a quantity and shares the country', () => {
    expect(actorCodes('The French speaker and a group of deputies left.')).toEqual(['FRALEG', 'FRALEG']);
  });
});

describe('peoples of one country', () => {
  it('places a people that lives mostly in one state in that state', () => {
    expect(actorCodes('Chechen rebels ambushed the convoy.')).toEqual(['RUSREB']);
    expect(actorCodes('Basque separatists gathered.')).toEqual(['ESPREB']);
    // the country is what this rule gives; "leaders" of a people are coded by the sector rules
    expect(actorCodes('Yoruba leaders met.').map((c) => c.slice(0, 3))).toEqual(['NGA']);
  });
});
