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
    expect(dyads(code('President Bush has threatened further action against Russia.'))).toEqual([
      'USAGOV>RUS:THREATEN',
    ]);
    expect(actorCodes('Prime Minister Sharon met Chancellor Kohl.')).toEqual(['ISRGOV', 'DEUGOV']);
  });

  it('matches a one-word name only with its capital letter', () => {
    expect(actorCodes('Bush visited Moscow.')).toEqual(['USAGOV', 'RUSGOV']);
    expect(actorCodes('Rebels hid in the bush near the border.')).toEqual(['---REB']);
  });
});
