import { describe, expect, it } from 'vitest';
import { findPageDates, pageDateCandidates } from './page-dates.js';

const NOW = () => Date.UTC(2026, 11, 2);
const URL_ = 'https://port.example/news/crane-upgrade';
const page = (head: string, body: string): string =>
  `<html><head>${head}</head><body><h1>Crane upgrade</h1>${body}</body></html>`;

describe('pageDateCandidates', () => {
  it('reads JSON-LD, meta tags, time elements, the URL and the date line, each with its kind', () => {
    const ld = `<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-05-06T08:00:00+02:00","dateModified":"2024-05-07T09:00:00+02:00"}]}</script>`;
    const meta = `<meta property="article:published_time" content="2024-05-06T06:00:00Z"><meta name="dcterms.created" content="2024-05-01">`;
    const body = `<div class="byline">Aktualisiert am 07.05.2024</div><time datetime="2024-05-06" class="published">6 May</time><p>Text.</p>`;
    const found = pageDateCandidates(page(ld + meta, body), 'https://port.example/2024/05/06/crane', {
      now: NOW,
    });
    expect(found.map((c) => [c.source, c.kind, c.value])).toEqual([
      ['json-ld', 'published', '2024-05-06T08:00:00+02:00'],
      ['json-ld', 'modified', '2024-05-07T09:00:00+02:00'],
      ['meta', 'published', '2024-05-06T06:00:00Z'],
      ['meta', 'created', '2024-05-01'],
      ['text', 'modified', '07.05.2024'],
      ['time', 'published', '2024-05-06'],
      ['url', 'unknown', 'https://port.example/2024/05/06/crane'],
      ['text', 'modified', '07.05.2024'],
    ]);
  });

  it('marks dates inside related, comment and footer blocks as related', () => {
    const body = `<p>Body.</p><section class="related-stories"><time datetime="2021-01-01">Old</time></section><footer>Posted 2 Feb 2022</footer>`;
    const related = pageDateCandidates(page('', body), URL_, { now: NOW }).filter((c) => c.related);
    expect(related.map((c) => c.value)).toEqual(['2021-01-01']);
  });
});

describe('findPageDates', () => {
  it("chooses the stated published date and keeps the page's offset", () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-06T23:30:00-05:00"}</script>`;
    const chosen = findPageDates(page(ld, '<p>Body.</p>'), URL_, { now: NOW });
    expect([chosen.published?.iso, chosen.publishedSource]).toEqual([
      '2024-05-06T23:30:00.000-05:00',
      'json-ld',
    ]);
  });

  it("does not take a related article's date, and reads a date line in another language", () => {
    const body = `<aside><time datetime="2020-03-03">older story</time></aside><p class="meta-info">Publié le 4 mai 2024</p><p>Texte.</p>`;
    const chosen = findPageDates(page('', body), URL_, { now: NOW });
    expect([chosen.published?.day, chosen.publishedKind]).toEqual(['2024-05-04', 'published']);
  });

  it('finds nothing on a page without dates', () => {
    expect(findPageDates(page('', '<p>No dates at all.</p>'), URL_, { now: NOW }).published).toBeNull();
  });
});
