import { describe, expect, it } from 'vitest';
import { parseAttribution, parseAttributionSentence, sameOutlet } from './attribution.js';
import { edgeSentenceKeys, sentenceKey, stripAttributionAndBoilerplate } from './boilerplate.js';

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

  it('removes a republication notice on top and credits the outlet it names', () => {
    const copy = `This report first appeared in The Lakeside Herald and is republished with permission.\n\n${body}`;
    const out = stripAttributionAndBoilerplate(copy);
    expect(out.body).toBe(body);
    expect(out.attribution?.outlets).toEqual(['Lakeside Herald']);
  });
  it('removes the line of a teaser that sends the reader to the original outlet', () => {
    for (const line of [
      'Read the whole article on the Lakeside Herald website.',
      'This is an extract. The complete report is at Lakeside Herald.',
      'Continue reading at Lakeside Herald',
    ])
      expect(stripAttributionAndBoilerplate(`${body}\n\n${line}`).body).toBe(body);
  });
  it('removes trailing credits', () => {
    for (const line of [
      'Source: Lakeside Herald',
      '(Reporting by Ana Pell; Editing by Joe Marr)',
      'This article was supplied by Lakeside Herald.',
      '— Lakeside Herald',
    ])
      expect(stripAttributionAndBoilerplate(`${body}\n\n${line}`).body).toBe(body);
  });
  it('removes cookie, newsletter and comment-policy lines at either end', () => {
    const copy = [
      'This site uses cookies to remember your settings.',
      body,
      'Sign up for the free Weekend Reader newsletter.',
      'Comments are moderated before they appear.',
    ].join('\n\n');
    expect(stripAttributionAndBoilerplate(copy).body).toBe(body);
  });
  it('removes a dateline carrying a date, or one that follows a stripped notice', () => {
    expect(stripAttributionAndBoilerplate(`OSLO, Feb. 9 (Wire) - ${body}`).body).toBe(body);
    expect(stripAttributionAndBoilerplate(`Lima, 4 June — ${body}`).body).toBe(body);
    expect(stripAttributionAndBoilerplate(`Republished from Lakeside Herald. CAIRO -- ${body}`).body).toBe(
      body,
    );
  });
  it('removes sentences the outlet is known to repeat, wherever they are worded', () => {
    const line = 'Tell us what you think in the box below.';
    const out = stripAttributionAndBoilerplate(`${line}\n\n${body}`, new Set([sentenceKey(line)]));
    expect(out.body).toBe(body);
  });
  it('keeps a "Related" or "full story" phrase inside a long article sentence', () => {
    const text =
      'The committee said the full story of the merger, related to the failed bid of 2019, would be told in a report to be published by the regulator in the spring, after talks with the two companies and their lenders had ended.';
    expect(stripAttributionAndBoilerplate(text).body).toBe(text);
  });
});

describe('edgeSentenceKeys', () => {
  it('keys only the sentences at both ends of a long text, ignoring case and punctuation', () => {
    const middle = Array.from({ length: 12 }, (_, i) => `Middle sentence number ${i} is here.`);
    const text = ['First line of the page.', ...middle, 'Last line of the page.'].join(' ');
    const keys = edgeSentenceKeys(text);
    expect(keys).toContain(sentenceKey('first line of the page'));
    expect(keys).toContain(sentenceKey('LAST LINE OF THE PAGE!'));
    expect(keys).not.toContain(sentenceKey('Middle sentence number 6 is here.'));
  });
});
