/**
 * Test texts written for these tests: a story in the shape of /work/shared/seed-article.txt (a UNN copy
 * of a Washington Post report), three republished variants of it, and a different report on the same topic.
 */
import type { DedupDocument } from '../../../packages/dedup/src/index.js';

const P = [
  'Venezuelan President Nicolas Maduro has turned to Russia, China and Iran for help in rebuilding his ageing armed forces, asking for air defence radars, repairs to fighter jets and possibly missiles as tension with the United States grows.',
  'As American warships gather in the Caribbean, Maduro has written to Moscow, Beijing and Tehran asking them to shore up the weakened military, according to internal U.S. government papers seen by the newspaper.',
  'The request to Moscow was set out in a letter to Russian President Vladimir Putin that a senior aide was due to hand over during a trip to the Russian capital this month. It asks for the overhaul of eight Sukhoi fighter jets and fourteen sets of radar equipment.',
  'Maduro also wrote to Chinese President Xi Jinping seeking closer military cooperation to counter what he called the growing hostility between Washington and Caracas, and urged Chinese firms to speed up deliveries of radar detection systems.',
  'The documents do not show how Russia, China or Iran answered the letters. Officials in the three capitals declined to comment on Sunday.',
  'A Russian Il-76 transport plane, one of the aircraft sanctioned by the U.S. in 2023 over arms trafficking, landed in Caracas on Sunday after a long detour over Africa that kept it out of Western airspace.',
  'Analysts say the requests show how much Moscow could lose if Maduro falls, although its means and appetite for propping him up appear smaller than a decade ago, and a crisis in the Caribbean could draw U.S. attention away from Europe.',
];

/** The Washington Post's own article. */
export const original: DedupDocument = {
  articleId: 'wapo-venezuela-1',
  url: 'https://www.washingtonpost.example/world/2025/10/31/venezuela-maduro-russia-china-iran/',
  title: 'Venezuela asks Russia, China and Iran for military help as U.S. forces gather',
  text: P.join('\n\n'),
  source: 'The Washington Post',
  publishedAt: '2025-10-31T10:00:00Z',
};

/** Re-titled, with an attribution lead. */
export const retitled: DedupDocument = {
  articleId: 'unn-1',
  url: 'https://unn.example/news/venezuela-requests-urgent-military-support',
  title: 'Venezuela has requested urgent military support from Russia, China, and Iran',
  text: [`${P[0]} This is reported by The Washington Post, according to UNN.`, ...P.slice(1)].join('\n\n'),
  source: 'UNN',
  publishedAt: '2025-10-31T14:00:00Z',
};

/** Same, plus a "READ ALSO" promo insert and a "Recall" background footer. */
export const promoted: DedupDocument = {
  articleId: 'daily-digest-77',
  url: 'https://digest.example/world/77',
  title: 'Maduro seeks radars and missiles from Moscow, Beijing and Tehran',
  text: [
    'According to The Washington Post, as cited by UNN:',
    ...P.slice(0, 3),
    'READ ALSO: Oil prices climb as Caribbean tension grows',
    ...P.slice(3),
    'Recall',
    'U.S. President Donald Trump said earlier that he does not plan to strike drug smuggling sites in Venezuela.',
    'Follow us on Facebook and Twitter.',
  ].join('\n\n'),
  source: 'Daily Digest',
  publishedAt: '2025-10-31T16:30:00Z',
};

/** Truncated to the first three paragraphs, with a credit line. */
export const truncated: DedupDocument = {
  articleId: 'metro-wire-5',
  url: 'https://metrowire.example/5',
  title: 'Venezuela turns to Russia, China and Iran',
  text: [
    ...P.slice(0, 3),
    'The Washington Post reports this, UNN writes.',
    '(Continued on the source website.)',
  ].join('\n\n'),
  source: 'Metro Wire',
  publishedAt: null,
};

/** A different report on Venezuela and the United States: same names and places, different article. */
export const sameTopic: DedupDocument = {
  articleId: 'other-venezuela-9',
  url: 'https://other.example/world/us-navy-caribbean',
  title: 'U.S. sends aircraft carrier to the Caribbean as pressure on Maduro mounts',
  text: [
    'The United States is sending its largest aircraft carrier to the Caribbean, the Pentagon said on Friday, in a sharp escalation of pressure on Venezuelan President Nicolas Maduro.',
    'The carrier group will join eight warships and a nuclear submarine already deployed in the region for what Washington describes as counter-narcotics operations against boats leaving Venezuela.',
    'Maduro accused the United States of inventing a war and said Venezuela would defend itself, adding that Russia and China had expressed support for his government.',
    'Defence analysts in Caracas said the Venezuelan armed forces were poorly equipped to face a U.S. strike, citing shortages of spare parts for Russian-made jets and air defence systems.',
    'Officials in Washington declined to say whether strikes on targets inside Venezuela were being considered, and Congress has asked the White House to explain the legal basis for the deployment.',
  ].join('\n\n'),
  source: 'Global Desk',
  publishedAt: '2025-10-31T12:00:00Z',
};
