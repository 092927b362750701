import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoryState } from '@wirehose/dedup';
import { extractArticle } from '@wirehose/extraction';
import type { Article, ExtractJob } from '@wirehose/schemas';
import { parseDiscovery } from '@wirehose/sources';
import { toArticle } from '@wirehose/svc-extractor';
import { buildRecordContent, finishRecord } from '@wirehose/svc-publisher';

/** What reads as a tag: `<` then a letter, `/` or `!`. */
const TAG = /<[a-zA-Z/!]/;

const MARKUP = [
  '<b>',
  '</b>',
  '<i>tilted</i>',
  '<script>alert(1)</script>',
  '<style>p{color:red}</style>',
  '<img src=x onerror=steal()>',
  '<a href="https://evil.example/">',
  '</a>',
  '<br/>',
  '<!-- note -->',
  '&lt;em&gt;',
  '&amp;lt;u&amp;gt;',
  '&#60;span&#62;',
  '&lt;/div&gt;',
  '<![CDATA[<q>inner</q>]]>',
  '&amp;',
  '&nbsp;',
  '<',
  '>',
] as const;

const word = fc.stringMatching(/^[A-Za-z]{1,9}$/);
/** Words mixed with markup, entities and arbitrary characters. */
const marked = fc
  .array(fc.oneof(word, word, fc.constantFrom(...MARKUP), fc.string({ maxLength: 6 })), {
    minLength: 1,
    maxLength: 10,
  })
  .map((parts) => parts.join(' '));

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Every string inside a value, with its path. */
function strings(value: unknown, path = '$'): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

function expectNoTag(value: unknown): void {
  for (const [path, s] of strings(value))
    expect(TAG.test(s), `${path} holds a tag: ${JSON.stringify(s)}`).toBe(false);
}

describe('no record field built from a feed or a page holds a tag', () => {
  it('feed items: titles and authors, written escaped, in CDATA, as XHTML or raw', () => {
    const wrap = fc.constantFrom('escaped', 'cdata', 'xhtml', 'raw');
    fc.assert(
      fc.property(marked, marked, wrap, (title, author, how) => {
        const cdataSafe = (s: string): string => s.replace(/]]>/g, '');
        const content = (s: string): string =>
          how === 'escaped'
            ? xmlEscape(s)
            : how === 'cdata'
              ? `<![CDATA[${cdataSafe(s)}]]>`
              : how === 'xhtml'
                ? `<div xmlns="http://www.w3.org/1999/xhtml">${xmlEscape(s)}</div>`
                : s;
        const type = how === 'xhtml' ? ' type="xhtml"' : ' type="html"';
        const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title${type}>${content(title)}</title><author><name>${content(author)}</name></author><link href="https://wire.example/a"/></entry></feed>`;
        const rss = `<rss version="2.0"><channel><item><title>${content(title)}</title><author>${content(author)}</author><link>https://wire.example/b</link></item></channel></rss>`;
        for (const xml of [atom, rss]) {
          let items;
          try {
            items = parseDiscovery(xml, 'https://wire.example/feed').items;
          } catch {
            continue; // a body with no recognisable root is refused with an error, not passed on
          }
          if (how !== 'raw') expect(items).toHaveLength(1);
          expectNoTag(items);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('pages: extracted, stored and published, every text field of the record', () => {
    const job: ExtractJob = {
      url: 'https://wire.example/2024/05/06/story',
      finalUrl: 'https://wire.example/2024/05/06/story',
      htmlKey: 'k',
      fetchedAt: '2024-05-06T10:00:00.000Z',
      sourceName: null,
      outlet: null,
      hint: null,
    };
    let published = 0;
    fc.assert(
      fc.property(
        marked,
        marked,
        marked,
        fc.array(marked, { minLength: 3, maxLength: 6 }),
        (title, author, section, paragraphs) => {
          const ld = JSON.stringify({
            '@type': 'NewsArticle',
            headline: title,
            author: { '@type': 'Person', name: author },
            articleSection: section,
            keywords: [section, title],
            datePublished: '2024-05-06T08:00:00+02:00',
          }).replace(/</g, '\\u003c');
          const body = paragraphs
            .map(
              (p) => `<p>${p} The harbour authority said the berths would reopen after the inspection.</p>`,
            )
            .join('');
          const html = `<html><head><title>${title}</title><meta property="og:title" content="${xmlEscape(title).replace(/"/g, '&quot;')}"><meta name="author" content="${xmlEscape(author).replace(/"/g, '&quot;')}"><meta property="article:section" content="${xmlEscape(section).replace(/"/g, '&quot;')}"><script type="application/ld+json">${ld}</script></head><body><article><h1>${title}</h1><p class="byline">By ${author}</p>${body}</article></body></html>`;
          const result = extractArticle(html, job.finalUrl);
          if (result.kind !== 'article') return;
          published += 1;
          const article: Article = toArticle(result.article, job);
          const story: StoryState = {
            storyId: 's1',
            copies: [
              {
                articleId: article.articleId,
                source: article.source,
                publishedAt: null,
                matchedBy: 'first',
                similarity: 1,
              },
            ],
            bestCopyId: article.articleId,
            original: { source: article.source, basis: 'earliest', articleId: article.articleId },
            attributionChain: [],
            mergedFrom: [],
          };
          const record = finishRecord(
            buildRecordContent(story, new Map([[article.articleId, article]]), []),
            1,
            new Date('2024-05-06T10:00:00.000Z'),
          );
          expectNoTag(record);
          expect(record.story.text.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
    // The pages carry a real article body: most runs must reach a record for the property to mean anything.
    expect(published).toBeGreaterThan(30);
  });
});
