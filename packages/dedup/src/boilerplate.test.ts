import { describe, expect, it } from 'vitest';
import { parseAttribution, parseAttributionSentence, sameOutlet } from './attribution.js';
import { stripAttributionAndBoilerplate } from './boilerplate.js';

describe('parseAttributionSentence', () => {
  it('reads "This is reported by X, according to Y" as Y citing X', () => {
    expect(
      parseAttributionSentence('This is reported by The Washington Post, according to UNN.')?.outlets,
    ).toEqual(['UNN', 'The Washington Post']);
  });
  it('reads the other common credit forms', () => {
    expect(parseAttributionSentence('According to the BBC, as cited by RBC-Ukraine:')?.outlets).toEqual([
      'RBC-Ukraine',
      'BBC',
    ]);
    expect(parseAttributionSentence('BBC News reports this, PA Media writes.')?.outlets).toEqual([
      'PA Media',
      'BBC News',
    ]);
    expect(parseAttributionSentence('Reported by BBC News.')?.outlets).toEqual(['BBC News']);
    expect(parseAttributionSentence('Read the full story at Reuters.')?.outlets).toEqual(['Reuters']);
  });
  it('does not take ordinary sentences with "according to" for credit lines', () => {
    expect(
      parseAttributionSentence('Prices rose 5%, according to internal U.S. government documents.'),
    ).toBeNull();
    expect(
      parseAttributionSentence('He said the plan was reported by officials last week to the board.'),
    ).toBeNull();
  });
  it('finds a credit line appended to the first paragraph', () => {
    expect(
      parseAttribution(
        'Maduro asked for help. This is reported by The Washington Post, according to UNN.\n\nMore.',
      )?.outlets,
    ).toEqual(['UNN', 'The Washington Post']);
  });
});

describe('sameOutlet', () => {
  it('matches names loosely but not different outlets', () => {
    expect(sameOutlet('BBC', 'BBC News')).toBe(true);
    expect(sameOutlet('the Washington Post', 'The Washington Post')).toBe(true);
    expect(sameOutlet('UNN', 'The Washington Post')).toBe(false);
  });
});

describe('stripAttributionAndBoilerplate', () => {
  const body =
    'Venezuela asked Russia for radars and jet repairs.\n\nThe letter went to President Putin this month.';
  it('removes leads, promo inserts, footers and the Recall background note', () => {
    const copy = [
      'According to The Washington Post, as cited by UNN:',
      'Venezuela asked Russia for radars and jet repairs.',
      'READ ALSO: Oil prices climb',
      'The letter went to President Putin this month.',
      '– the publication writes.',
      'Recall',
      'Earlier the US president said something unrelated.',
    ].join('\n\n');
    const out = stripAttributionAndBoilerplate(copy);
    expect(out.body).toBe(body);
    expect(out.attribution?.outlets).toEqual(['UNN', 'The Washington Post']);
  });
  it('removes social, copyright and error-report footers and datelines', () => {
    const copy = `WASHINGTON (Interfax-Ukraine) - ${body}\n\nFollow us on Facebook and Twitter.\n\n© Daily Planet. All rights reserved. Reproduction is permitted only with a hyperlink.\n\nIf you notice an error, select it and press Ctrl+Enter.\n\nAdvertisement`;
    expect(stripAttributionAndBoilerplate(copy).body).toBe(body);
  });
  it('removes a promo appended to a paragraph, up to the paragraph end', () => {
    const copy =
      'Venezuela asked Russia for radars and jet repairs. READ ALSO: Oil prices climb\n\nThe letter went to President Putin this month.';
    const out = stripAttributionAndBoilerplate(copy);
    expect(out.body).toBe(body);
    expect(out.removed).toEqual(['READ ALSO: Oil prices climb']);
  });
  it('keeps words like "Related-party" or "watch" inside the text', () => {
    const text = 'Shares fell. Related-party deals were reviewed. Watch the vote, he said.';
    expect(stripAttributionAndBoilerplate(text).body).toBe(text);
  });
  it('removes an agency dateline of up to three words', () => {
    expect(stripAttributionAndBoilerplate(`PA Media - ${body}`).body).toBe(body);
    expect(stripAttributionAndBoilerplate(`Kyiv (Interfax) – ${body}`).body).toBe(body);
  });
  it('leaves an ordinary article untouched', () => {
    const text =
      'Share prices rose on Monday.\n\nRecall votes are rare, the minister said in a long statement to parliament.';
    expect(stripAttributionAndBoilerplate(text).body).toBe(text);
  });

  it('removes footer sentences and a copyright notice run into the last paragraph', () => {
    const joined = `${body.replace('\n\n', ' ')} © 2025 Harbor Times. All rights reserved. Reproduction without permission is prohibited.`;
    expect(stripAttributionAndBoilerplate(joined).body).toBe(body.replace('\n\n', ' '));
  });

  it('keeps article sentences that mention copyright or a newsletter', () => {
    const text =
      "The band's 1998 album, copyright 1998 Sony, was reissued on Monday. Fans who signed up for the label's newsletter got it first.";
    expect(stripAttributionAndBoilerplate(text).body).toBe(text);
  });
});
